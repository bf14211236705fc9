using Withings.Sandbox.Data;
using Withings.Sandbox.DemoData;

namespace Withings.Sandbox.Tests.DemoData;

public class SleepGeneratorTests
{
    /// <summary>
    /// A "last night" check asks for the last 24 hours. Every quarter of an hour over two weeks, in the demo user's time
    /// zone, that window must hold a night that has ended: the one that ended this morning, or else yesterday's.
    /// </summary>
    [Fact]
    public void AtEveryTimeOfDayTheLast24HoursHoldANightThatHasEnded()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(SimulatedUsers.DemoTimezone);
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(1));
        for (var now = start; now < start.AddDays(14); now = now.AddMinutes(15))
        {
            var calendar = new DemoCalendar(zone, now);
            var since = now.AddHours(-24).ToUnixTimeSeconds();

            var nights = SleepGenerator.Seeded(SimulatedUsers.DemoUserId, calendar, calendar.DayOf(since), calendar.Today).ToList();

            Assert.Contains(nights, night => night.End > since && night.End <= now.ToUnixTimeSeconds());
        }
    }
}
