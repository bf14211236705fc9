using Microsoft.AspNetCore.Components;
using MudBlazor;
using Withings.Portal.Content;

namespace Withings.Portal.Components.Shared;

public partial class ContentArticle
{
    [Inject]
    private ContentStore Store { get; set; } = null!;

    /// <summary>The page to show. Its HTML comes from the repository's content through the Markdig pipeline.</summary>
    [Parameter, EditorRequired]
    public ContentPage Page { get; set; } = null!;

    /// <summary>Anything a feature adds below the body (e.g. a troubleshooter's steps).</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    private List<BreadcrumbItem> Breadcrumbs { get; set; } = [];

    private IReadOnlyList<RelatedPage> Related { get; set; } = [];

    private List<ContentPage> Topics { get; set; } = [];

    private List<PageHeading> Contents { get; set; } = [];

    protected override void OnParametersSet()
    {
        var content = Store.Current;
        Related = content.RelatedTo(Page);
        Topics = Page.Topics.Select(t => content.Find(ContentKind.Troubleshoot, t)).OfType<ContentPage>().ToList();
        Contents = Page.Headings.Where(h => h.Level == 2 && h.Id.Length > 0).ToList();
        Breadcrumbs =
        [
            new("Home", "/"),
            new(IndexTitle(Page.Kind), $"/{Page.Kind.Folder()}"),
            new(Page.Title, null, disabled: true),
        ];
    }

    private static string IndexTitle(ContentKind kind) => kind switch
    {
        ContentKind.Faq => "FAQ",
        ContentKind.Troubleshoot => "Troubleshooter",
        ContentKind.Glossary => "Glossary",
        _ => "Guides",
    };
}
