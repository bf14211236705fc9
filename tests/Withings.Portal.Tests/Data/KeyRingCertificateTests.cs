using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Data;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Data;

public sealed class KeyRingCertificateTests : IDisposable
{
    private const string Password = "key-ring-test-pfx";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("portal-keyring-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeysAreStoredEncryptedAndReadAfterARestart()
    {
        var pfx = SelfSignedPfx();
        string protectedText;
        await using (var first = new PortalFactory(folder) { Settings = { ["DataProtection:Certificate:Path"] = pfx, ["DataProtection:Certificate:Password"] = Password } })
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept across restarts");
            var xml = await KeyXml(first);

            Assert.NotEmpty(xml);
            Assert.All(xml, key => Assert.Contains("EncryptedData", key));
            Assert.All(xml, key => Assert.DoesNotContain("<masterKey", key));
        }

        await using var second = new PortalFactory(folder) { Settings = { ["DataProtection:Certificate:Path"] = pfx, ["DataProtection:Certificate:Password"] = Password } };
        Assert.Equal("kept across restarts",
            second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public async Task WithoutACertificateTheKeysAreStoredAsTheyAre()
    {
        await using var portal = new PortalFactory(folder);
        portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");

        Assert.All(await KeyXml(portal), key => Assert.Contains("<masterKey", key));
    }

    [Theory]
    [InlineData("Path", "/no/such/certificate.pfx")]
    [InlineData("Thumbprint", "0000000000000000000000000000000000000000")]
    public void UnreadableCertificateStopsStartupWithAClearMessage(string key, string value)
    {
        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { [$"DataProtection:Certificate:{key}"] = value } });

        Assert.Contains("DataProtection:Certificate", error.Message);
    }

    [Fact]
    public void WrongPasswordStopsStartup()
    {
        var pfx = SelfSignedPfx();
        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { ["DataProtection:Certificate:Path"] = pfx, ["DataProtection:Certificate:Password"] = "wrong" } });

        Assert.Contains("DataProtection:Certificate", error.Message);
    }

    private string SelfSignedPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Withings Portal key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder.FullName, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private static async Task<List<string>> KeyXml(PortalFactory portal)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Cancel);
        return await db.Set<DataProtectionKey>().Select(k => k.Xml!).ToListAsync(Cancel);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
