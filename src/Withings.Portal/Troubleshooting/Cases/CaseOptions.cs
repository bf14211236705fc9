using System.ComponentModel.DataAnnotations;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>Case links (section <c>Cases</c>): how long a case lives, how often expired ones are deleted, how many may be saved.</summary>
public sealed class CaseOptions
{
    public const string Section = "Cases";

    /// <summary>How long a case link works after it is saved (<c>Cases:Lifetime</c>, e.g. <c>30.00:00:00</c>).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "3650.00:00:00", ErrorMessage = "Cases:Lifetime must be between 5 minutes and 10 years.")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often expired cases are deleted from the database.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Cases:PurgeInterval must be between 1 second and 1 day.")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Cases one client address may save per <see cref="Window"/>.</summary>
    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Cases:Window must be between 1 second and 1 day.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
