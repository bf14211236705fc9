using System.Globalization;

namespace Withings.Portal.Components.Pages.Support.Dashboard;

/// <summary>How the dashboard writes a moment: UTC, to the minute, the same for every staff member wherever they are.</summary>
public static class When
{
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset? at) => at is { } value ? Utc(value) : "—";
}
