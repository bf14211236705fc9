using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Withings.Portal.Playground;

/// <summary>
/// <c>HEAD|POST /playground/inbox/{id}</c>: answers Withings' HEAD check and records each notification POST for the
/// page watching that inbox. Unknown inboxes answer 404, so the endpoint stores nothing for strangers.
/// </summary>
public static class InboxEndpoint
{
    public const string RateLimitPolicy = "playground-inbox";

    public static IEndpointRouteBuilder MapPlaygroundInbox(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(WithingsApi.OwnServerLoopback.InboxPath + "{id}", ["HEAD", "POST"], ReceiveAsync)
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicy)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(string id, HttpContext http, NotificationInbox inbox, TimeProvider time)
    {
        if (!inbox.Exists(id))
        {
            return TypedResults.NotFound();
        }
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return TypedResults.Ok();
        }
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        string? Field(string name) => form is not null && form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;
        long? Number(string name) => long.TryParse(Field(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        inbox.Record(id, new NotificationDelivery(time.GetUtcNow(), Field("userid"), (int?)Number("appli"), Number("startdate"), Number("enddate"), "POST"));
        return TypedResults.Ok();
    }
}
