namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>Bounds that keep one diagnosis cheap whatever is pasted.</summary>
public static class DiagnosisLimits
{
    /// <summary>Largest text (UTF-8 bytes) the engine reads: 1 MiB. Larger pastes are refused, not truncated.</summary>
    public const int MaxInputBytes = 1024 * 1024;

    /// <summary>Most diagnoses returned.</summary>
    public const int MaxDiagnoses = 5;

    /// <summary>Lowest score reported: below it the evidence is too thin to send someone to a topic.</summary>
    public const double MinScore = 0.3;

    /// <summary>
    /// Below this a single diagnosis is called possible rather than likely: a bare successful answer scores 0.32 for
    /// "Status 0 but no data" on its status alone, which is a lead, not a finding.
    /// </summary>
    public const double LikelyScore = 0.5;

    /// <summary>Lowest score of a topic offered as a weaker suggestion when no topic reaches <see cref="MinScore"/>.</summary>
    public const double MinPartialScore = 0.15;

    /// <summary>Most weaker suggestions from partial evidence.</summary>
    public const int MaxPartialSuggestions = 3;

    /// <summary>Phrase hits read before the scan stops looking at phrases it already found (keeps repeated lines cheap).</summary>
    public const int PhraseHitsPerRebuild = 2_000;

    /// <summary>Occurrences of each status keyword examined (each costs a few characters of look-ahead).</summary>
    public const int MaxStatusMentions = 100_000;
}
