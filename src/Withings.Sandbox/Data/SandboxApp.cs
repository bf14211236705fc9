using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Withings.Sandbox.Data;

/// <summary>A partner application registered in the sandbox.</summary>
public sealed class SandboxApp
{
    public int Id { get; set; }
    public required string ClientId { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the client secret, to check <c>client_secret</c>.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The secret under Data Protection: signature checks (HMAC) need the secret itself.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>Comma-separated, as in the Withings dashboard.</summary>
    public required string CallbackUrls { get; set; }

    /// <summary>Withings' "restricted mode": also accepts http://localhost callbacks.</summary>
    public bool RestrictedMode { get; set; }

    /// <summary>Where it comes from: <c>dashboard</c>, <c>config:PortalApp</c> or <c>config:DemoApp</c>.</summary>
    public required string Origin { get; set; }

    public long CreatedAt { get; set; }

    public IReadOnlyList<string> CallbackUrlList =>
        CallbackUrls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class SandboxAppConfiguration : IEntityTypeConfiguration<SandboxApp>
{
    public void Configure(EntityTypeBuilder<SandboxApp> builder)
    {
        builder.ToTable("SandboxApps");
        builder.HasIndex(a => a.ClientId).IsUnique();
        builder.Property(a => a.ClientId).HasMaxLength(100);
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.SecretHash).HasMaxLength(64);
        builder.Property(a => a.ProtectedSecret).HasMaxLength(2000);
        builder.Property(a => a.CallbackUrls).HasMaxLength(2600);
        builder.Property(a => a.Origin).HasMaxLength(40);
        builder.Ignore(a => a.CallbackUrlList);
    }
}
