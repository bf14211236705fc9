using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Withings.Portal.Support;

internal static class SupportColumns
{
    // SQLite cannot compare or order DateTimeOffset values in SQL; stored as UTC DateTime they sort on both providers.
    public static readonly ValueConverter<DateTimeOffset, DateTime> Utc =
        new(value => value.UtcDateTime, value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
