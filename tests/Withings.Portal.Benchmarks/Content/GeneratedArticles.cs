using Withings.Portal.Content;
using Withings.Portal.Content.Search;

namespace Withings.Portal.Benchmarks.Content;

/// <summary>
/// Deterministic articles built from the shipped content's own vocabulary (so term frequencies and the typo
/// dictionary look like real documentation, not random strings), about 350 words each.
/// </summary>
internal static class GeneratedArticles
{
    public static IEnumerable<SearchDocument> Create(ContentSnapshot content, int count)
    {
        var words = content.Pages
            .SelectMany(p => $"{p.Title} {p.Summary} {p.PlainText}".Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('.', ',', ':', ';', '(', ')', '"', '`', '*'))
            .Where(w => w.Length > 1)
            .ToArray();
        var random = new Random(20261125);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));

        for (var i = 0; i < count; i++)
        {
            yield return new SearchDocument(
                $"/generated/{i}",
                Words(random.Next(5, 11)),
                "Generated",
                Words(20),
                Words(random.Next(250, 450)),
                [Words(2), Words(2)],
                [Words(4), Words(4), Words(3)]);
        }
    }
}
