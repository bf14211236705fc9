using Microsoft.AspNetCore.Components;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Components.Pages.Troubleshooting.Common;

public partial class SeenElsewhere
{
    /// <summary>The topic's <c>seen_elsewhere</c> threads (at most three).</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<SeenThread> Threads { get; set; } = [];

    /// <summary>The heading element: a paragraph under a diagnosis, a section heading on the topic page.</summary>
    [Parameter]
    public string HeadingTag { get; set; } = "p";

    private bool IsSection => HeadingTag == "h2";
}
