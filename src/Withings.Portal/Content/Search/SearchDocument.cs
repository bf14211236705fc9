namespace Withings.Portal.Content.Search;

/// <summary>What the index knows of a page. Fields are weighted: a match in the title counts most.</summary>
public sealed record SearchDocument(
    string Route,
    string Title,
    string KindLabel,
    string Summary,
    string Body,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Headings);

/// <summary>A run of text, marked when it matched the query (rendered as <c>&lt;mark&gt;</c>, always as text).</summary>
public readonly record struct TextRun(string Text, bool Match);

public sealed record SearchHit(SearchDocument Document, double Score, IReadOnlyList<TextRun> Title, IReadOnlyList<TextRun> Snippet);

/// <param name="Hits">The best pages, at most as many as asked for.</param>
/// <param name="CorrectedTerms">Misspelt query words and what they were read as ("refesh" → "refresh").</param>
/// <param name="TotalMatches">How many pages match at all, so a reader can tell 10 results from the first 10 of 65.</param>
public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, IReadOnlyList<(string Typed, string ReadAs)> CorrectedTerms, int TotalMatches)
{
    public static SearchResults Empty(string query) => new(query, [], [], 0);
}
