using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Withings.Portal.Data;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest (section <c>DataProtection:Certificate</c>).
/// Without one the keys sit in the database as plain XML: anyone who can read the database can then read the cookies
/// and the sandbox's stored secrets. Give either a PFX file (<see cref="Path"/>, <see cref="Password"/>) or the
/// <see cref="Thumbprint"/> of a certificate in the CurrentUser or LocalMachine "My" store; every instance needs the
/// same certificate (with its private key) to read the keys the others wrote.
/// </summary>
public sealed class KeyRingCertificateOptions
{
    public const string Section = "DataProtection:Certificate";

    public string? Path { get; set; }

    public string? Password { get; set; }

    public string? Thumbprint { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path) || !string.IsNullOrWhiteSpace(Thumbprint);

    private X509Certificate2? loaded;

    /// <summary>The certificate, read once; null when none is configured.</summary>
    public X509Certificate2? Certificate => IsConfigured ? loaded ??= Load() : null;

    /// <summary>Whether the settings name a certificate that can be read and has a private key (or name none).</summary>
    public bool AreValid()
    {
        if (!string.IsNullOrWhiteSpace(Path) && !string.IsNullOrWhiteSpace(Thumbprint))
        {
            return false;
        }
        try
        {
            return !IsConfigured || Certificate is { HasPrivateKey: true };
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private X509Certificate2? Load()
    {
        if (!string.IsNullOrWhiteSpace(Path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(Path, Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, Thumbprint!.Replace(" ", ""), validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }
        return null;
    }
}
