using Withings.Client;
using Withings.Portal.Playground;

namespace Withings.Portal.Tests.Playground;

/// <summary>The data-call form read from what was posted: each call takes its own fields, and a field that does not read is explained.</summary>
public class DataCallFormTests
{
    [Fact]
    public void AFirstVisitAsksForRealWeightMeasures()
    {
        var (input, problems) = DataCallForm.Initial.Read();

        Assert.Empty(problems);
        Assert.Equal(DataCalls.GetMeas, input.CallId);
        Assert.Equal([MeasureTypes.Weight], input.MeasureTypes);
        Assert.Equal(1, input.Category);
    }

    [Fact]
    public void DatesAndPagingOfAGetmeasPostAreReadAsTheApiTakesThem()
    {
        var form = new DataCallForm
        {
            CallId = DataCalls.GetMeas, MeasureTypes = ["1", "9", "10"], Category = "2", StartDate = "2026-01-01", EndDate = "2026-01-31",
            LastUpdate = "2025-12-24", Offset = " 200 ",
        };

        var (input, problems) = form.Read();

        Assert.Empty(problems);
        Assert.Equal([1, 9, 10], input.MeasureTypes);
        Assert.Equal(2, input.Category);
        Assert.Equal(new DateTime(2026, 1, 1), input.StartDate);
        Assert.Equal(new DateTime(2026, 1, 31), input.EndDate);
        Assert.Equal(new DateTime(2025, 12, 24), input.LastUpdate);
        Assert.Equal(200, input.Offset);
    }

    [Fact]
    public void FieldsThatDoNotReadAreEachExplainedInTheirOwnWords()
    {
        var form = new DataCallForm { CallId = DataCalls.GetActivity, StartDate = "31/01/2026", Offset = "ten", LastUpdate = "yesterday" };

        var (_, problems) = form.Read();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("startdateymd: enter a date as year-month-day", StringComparison.Ordinal) && p.Contains("31/01/2026"));
        Assert.Contains(problems, p => p.StartsWith("lastupdate: enter a date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("offset: enter a whole number, 0 or more", StringComparison.Ordinal) && p.Contains("ten"));
    }

    [Fact]
    public void ANegativeOffsetOrSignalIsRefused()
    {
        Assert.Single(new DataCallForm { CallId = DataCalls.HeartList, Offset = "-1" }.Read().Problems);
        Assert.Single(new DataCallForm { CallId = DataCalls.HeartGet, SignalId = "-5" }.Read().Problems);
        Assert.Equal(123456789012, new DataCallForm { CallId = DataCalls.HeartGet, SignalId = "123456789012" }.Read().Input.SignalId);
    }

    [Fact]
    public void AStartAfterTheEndIsExplained()
    {
        var (_, problems) = new DataCallForm { CallId = DataCalls.SleepGet, StartDate = "2026-02-01", EndDate = "2026-01-01" }.Read();

        Assert.Equal(["The start is after the end: swap them, or clear one."], problems);
    }

    [Fact]
    public void FieldsTheCallDoesNotTakeAreIgnoredWhateverTheyHold()
    {
        var form = new DataCallForm { CallId = DataCalls.GetDevice, Offset = "not a number", StartDate = "garbage", MeasureTypes = ["1"], SignalId = "x" };

        var (input, problems) = form.Read();

        Assert.Empty(problems);
        Assert.Null(input.Offset);
        Assert.Null(input.StartDate);
    }

    [Fact]
    public void OnlyTheDataFieldsOfTheChosenCallAndKnownMeasureTypesAreKept()
    {
        var (input, _) = new DataCallForm { CallId = DataCalls.SleepGet, DataFields = ["hr", "steps", "<script>"] }.Read();
        var (measures, _) = new DataCallForm { CallId = DataCalls.GetMeas, MeasureTypes = ["1", "99999", "abc", "1"] }.Read();

        Assert.Equal(["hr"], input.DataFields);
        Assert.Equal([MeasureTypes.Weight], measures.MeasureTypes);
    }

    [Fact]
    public void AnUnknownCallFallsBackToTheFirstCallAndAnUnknownCategoryIsRefused()
    {
        Assert.Equal(DataCalls.GetMeas, new DataCallForm { CallId = "drop table" }.Call.Id);
        Assert.Equal(["appli: choose a category from the list."],
            new DataCallForm { CallId = DataCalls.NotifyGet, Appli = "3", CallbackUrl = "https://example.com/hook" }.Read().Problems);
        Assert.Equal(NotifyAppli.Sleep, new DataCallForm { CallId = DataCalls.NotifyGet, Appli = "44" }.Read().Input.Appli);
    }

    [Fact]
    public void AnotherCallKeepsTheSharedFieldsButNotThePagingOrTheDataFields()
    {
        var form = new DataCallForm { CallId = DataCalls.SleepSummary, StartDate = "2026-01-01", Offset = "400", DataFields = ["hr_average"] };

        var other = form.For(DataCalls.GetWorkouts, new DateOnly(2026, 2, 10));

        Assert.Equal(DataCalls.GetWorkouts, other.Call.Id);
        Assert.Equal("2026-01-01", other.StartDate);
        Assert.Null(other.Offset);
        Assert.Empty(other.DataFields);
    }

    [Theory]
    [InlineData(DataCalls.GetActivity, "getactivity needs a range of days")]
    [InlineData(DataCalls.GetWorkouts, "getworkouts needs a range of days")]
    [InlineData(DataCalls.SleepSummary, "getsummary needs a range of days")]
    [InlineData(DataCalls.SleepGet, "get needs a start and an end (startdate, enddate).")]
    [InlineData(DataCalls.HeartGet, "signalid: enter the id of an ECG recording")]
    [InlineData(DataCalls.NotifyGet, "callbackurl: enter the callback URL of the subscription.")]
    [InlineData(DataCalls.NotifySubscribe, "callbackurl: enter the callback URL to subscribe.")]
    [InlineData(DataCalls.NotifyRevoke, "callbackurl: enter the callback URL of the subscription.")]
    public void ACallMissingWhatWithingsRequiresIsExplainedInsteadOfSent(string callId, string message)
    {
        var (_, problems) = new DataCallForm { CallId = callId }.Read();

        Assert.StartsWith(message, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void LastupdateAloneIsEnoughForADayWindow()
    {
        Assert.Empty(new DataCallForm { CallId = DataCalls.GetActivity, LastUpdate = "2026-01-01" }.Read().Problems);
        Assert.Empty(new DataCallForm { CallId = DataCalls.GetMeas }.Read().Problems);
        Assert.Empty(new DataCallForm { CallId = DataCalls.HeartList }.Read().Problems);
    }

    [Fact]
    public void ChoosingACallThatNeedsDatesFillsARecentWindowWhenNoneIsGiven()
    {
        var today = new DateOnly(2026, 12, 7);

        var activity = DataCallForm.Initial.For(DataCalls.GetActivity, today);
        var night = DataCallForm.Initial.For(DataCalls.SleepGet, today);
        var measures = DataCallForm.Initial.For(DataCalls.GetMeas, today);

        Assert.Equal(("2026-11-30", "2026-12-07"), (activity.StartDate, activity.EndDate));
        Assert.Equal(("2026-12-06", "2026-12-07"), (night.StartDate, night.EndDate));
        Assert.Equal((null, null), (measures.StartDate, measures.EndDate));
        Assert.Empty(activity.Read().Problems);
        Assert.Empty(night.Read().Problems);
    }
}
