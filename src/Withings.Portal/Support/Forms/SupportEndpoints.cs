using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Withings.Portal.Support.Accounts;
using Withings.Portal.Support.Links;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Support.Forms;

/// <summary>
/// The form posts of the support pages: sign out, disable, enable or unlock an account, make or revoke a link. Every one needs
/// a signed-in account and the page's antiforgery token; each answers with a redirect back to a page.
/// </summary>
public static class SupportEndpoints
{
    public const string LinksPath = "/support/links";
    public const string AccountsPath = "/support/accounts";
    public const string RateLimitPolicy = "support-forms";

    public static string LinkPage(Guid id) => $"{LinksPath}/{id:N}";

    public static IEndpointRouteBuilder MapSupportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var support = endpoints.MapGroup("/support")
            .RequireAuthorization(SupportPolicies.Staff)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(RequireValidTokenAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .ExcludeFromDescription();

        support.MapPost("/sign-out", SignOutAsync);
        support.MapPost("/links", CreateLinkAsync);
        support.MapPost("/links/{id:guid}/revoke", RevokeLinkAsync);

        var admin = support.MapGroup("/accounts").RequireAuthorization(SupportPolicies.Admin);
        admin.MapPost("/{id}/disable", (string id, ClaimsPrincipal user, SupportAccounts accounts) => SetDisabledAsync(id, true, user, accounts));
        admin.MapPost("/{id}/enable", (string id, ClaimsPrincipal user, SupportAccounts accounts) => SetDisabledAsync(id, false, user, accounts));
        admin.MapPost("/{id}/unlock", UnlockAsync);
        return endpoints;
    }

    // The antiforgery middleware only records its verdict; minimal APIs act on it when they bind a form, and some of
    // these endpoints bind nothing. So every one of them checks it here.
    private static async ValueTask<object?> RequireValidTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var valid = http.Features.Get<IAntiforgeryValidationFeature>() is { } verdict
            ? verdict.IsValid
            : await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        return valid
            ? await next(context)
            : TypedResults.Problem("The form's token is missing or stale: reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SignOutAsync(ClaimsPrincipal user, SignInManager<SupportUser> signIn)
    {
        // Deleting this browser's cookie alone would leave any copy of it (another device, a stolen one) valid for
        // hours. A new security stamp ends every session of the account at its next check (SupportCookie.RevalidateEvery).
        if (await signIn.UserManager.GetUserAsync(user) is { } account)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(account);
        }
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/");
    }

    private static async Task<IResult> CreateLinkAsync(
        [FromForm] IFormCollection form, ClaimsPrincipal user, TopicLibrary topics, SupportLinks links, CancellationToken cancellationToken)
    {
        var topicId = form["topic"].ToString();
        var stepId = form["step"].ToString();
        if (topics.Current.Find(topicId) is not { } topic || topic.FindStep(stepId) is not { } step)
        {
            return TypedResults.Redirect($"{LinksPath}/new?problem=step");
        }
        var answers = StepQuestions.For(topic, step)
            .ToDictionary(q => q.Key, q => (string?)form[$"answer.{q.Key}"].ToString(), StringComparer.Ordinal);
        var (query, problems) = StepQuestions.Build(topic, step, answers);
        var note = form["note"].ToString();
        if (problems.Count > 0 || note.Length > SupportLink.MaxNoteLength)
        {
            return TypedResults.Redirect($"{LinksPath}/new?topic={Uri.EscapeDataString(topic.Id)}&step={Uri.EscapeDataString(step.Id)}&problem=answers");
        }
        var link = await links.CreateAsync(new LinkDraft(topic.Id, step.Id, query, note), user.Identity?.Name ?? "", cancellationToken);
        return TypedResults.Redirect(LinkPage(link.Id));
    }

    private static async Task<IResult> RevokeLinkAsync(Guid id, SupportLinks links, CancellationToken cancellationToken)
    {
        await links.RevokeAsync(id, cancellationToken);
        return TypedResults.Redirect(LinkPage(id));
    }

    private static async Task<IResult> UnlockAsync(string id, SupportAccounts accounts)
    {
        var problem = await accounts.UnlockAsync(id);
        return TypedResults.Redirect(problem is null ? AccountsPath : $"{AccountsPath}?problem={problem}");
    }

    private static async Task<IResult> SetDisabledAsync(string id, bool disabled, ClaimsPrincipal user, SupportAccounts accounts)
    {
        var actingUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var problem = await accounts.SetDisabledAsync(id, disabled, actingUserId);
        return TypedResults.Redirect(problem is null ? AccountsPath : $"{AccountsPath}?problem={problem}");
    }
}
