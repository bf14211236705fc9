namespace Withings.Portal.Content.Feedback;

/// <summary>
/// Pages outside <c>content/</c> that show the "Was this helpful?" box (the status-code pages), registered by the
/// feature that serves them, so that <c>POST /feedback</c> takes answers about them and no other route.
/// </summary>
public sealed record FeedbackPages(string Name, Func<string, bool> Contains);
