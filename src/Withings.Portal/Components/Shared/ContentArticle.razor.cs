using Microsoft.AspNetCore.Components;
using MudBlazor;
using Withings.Portal.Content;
using Withings.Portal.Shell;

namespace Withings.Portal.Components.Shared;

public partial class ContentArticle
{
    [Inject]
    private ContentStore Store { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <summary>The page to show. Its HTML comes from the repository's content through the Markdig pipeline.</summary>
    [Parameter, EditorRequired]
    public ContentPage Page { get; set; } = null!;

    /// <summary>Anything a feature adds below the body (e.g. a topic's "Reproduce it").</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>Anything a feature puts between the summary and the body (a troubleshooter topic's decision steps).</summary>
    [Parameter]
    public RenderFragment? BeforeBody { get; set; }

    /// <summary>A last breadcrumb below the page (e.g. the step of a topic); the page's own crumb then links to it.</summary>
    [Parameter]
    public string? SubPage { get; set; }

    private List<BreadcrumbItem> Breadcrumbs { get; set; } = [];

    private IReadOnlyList<RelatedPage> Related { get; set; } = [];

    private List<ContentPage> Topics { get; set; } = [];

    private List<PageHeading> Contents { get; set; } = [];

    /// <summary>Where the reader is (a topic's text is also shown on its step pages): same-page links point here.</summary>
    private string PageUrl => HttpContext is null ? Page.Route : RequestUrl.PathAndQuery(HttpContext);

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
            new(Page.Title, SubPage is null ? PageUrl : Page.Route, disabled: SubPage is null),
        ];
        // The current crumb is disabled but still a link; without an address MudBlazor writes href="#", which the
        // page's <base href="/"> turns into the home page.
        if (SubPage is not null)
        {
            Breadcrumbs.Add(new(SubPage, PageUrl, disabled: true));
        }
    }

    private static string IndexTitle(ContentKind kind) => kind switch
    {
        ContentKind.Faq => "FAQ",
        ContentKind.Troubleshoot => "Troubleshooter",
        ContentKind.Glossary => "Glossary",
        _ => "Guides",
    };
}
