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
        Assert.Equal(["appli: choose a category from the list."], new DataCallForm { CallId = DataCalls.NotifyGet, Appli = "3" }.Read().Problems);
        Assert.Equal(NotifyAppli.Sleep, new DataCallForm { CallId = DataCalls.NotifyGet, Appli = "44" }.Read().Input.Appli);
    }

    [Fact]
    public void AnotherCallKeepsTheSharedFieldsButNotThePagingOrTheDataFields()
    {
        var form = new DataCallForm { CallId = DataCalls.SleepSummary, StartDate = "2026-01-01", Offset = "400", DataFields = ["hr_average"] };

        var other = form.For(DataCalls.GetWorkouts);

        Assert.Equal(DataCalls.GetWorkouts, other.Call.Id);
        Assert.Equal("2026-01-01", other.StartDate);
        Assert.Null(other.Offset);
        Assert.Empty(other.DataFields);
    }
}
