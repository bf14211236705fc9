namespace Withings.Client;

public sealed partial class WithingsClient
{
    /// <summary>Withings sends a HEAD request to the callback URL before accepting the subscription (status 293 when it fails).</summary>
    public Task<WithingsResult<EmptyBody>> SubscribeAsync(string accessToken, string callbackUrl, int appli, string? comment = null, CancellationToken cancellationToken = default)
    {
        var parameters = Notify("subscribe", callbackUrl, appli);
        if (comment is not null)
        {
            parameters.Add(new("comment", comment));
        }
        return CallAsync<EmptyBody>(WithingsServices.Notify.Path, parameters, accessToken, retryable: false, cancellationToken);
    }

    public Task<WithingsResult<NotifySubscription>> GetSubscriptionAsync(string accessToken, string callbackUrl, int? appli = null, CancellationToken cancellationToken = default) =>
        CallAsync<NotifySubscription>(WithingsServices.Notify.Path, Notify("get", callbackUrl, appli), accessToken, retryable: true, cancellationToken);

    public Task<WithingsResult<NotifyListResponse>> ListSubscriptionsAsync(string accessToken, int? appli = null, CancellationToken cancellationToken = default)
    {
        var parameters = Action("list");
        Add(parameters, "appli", appli);
        return CallAsync<NotifyListResponse>(WithingsServices.Notify.Path, parameters, accessToken, retryable: true, cancellationToken);
    }

    public Task<WithingsResult<EmptyBody>> RevokeSubscriptionAsync(string accessToken, string callbackUrl, int? appli = null, CancellationToken cancellationToken = default) =>
        CallAsync<EmptyBody>(WithingsServices.Notify.Path, Notify("revoke", callbackUrl, appli), accessToken, retryable: false, cancellationToken);

    /// <summary>Changes one thing of a subscription: its callback URL, its appli, or its comment.</summary>
    public Task<WithingsResult<EmptyBody>> UpdateSubscriptionAsync(string accessToken, string callbackUrl, int appli,
        string? newCallbackUrl = null, int? newAppli = null, string? comment = null, CancellationToken cancellationToken = default)
    {
        var parameters = Notify("update", callbackUrl, appli);
        if (newCallbackUrl is not null)
        {
            parameters.Add(new("new_callbackurl", newCallbackUrl));
        }
        Add(parameters, "new_appli", newAppli);
        if (comment is not null)
        {
            parameters.Add(new("comment", comment));
        }
        return CallAsync<EmptyBody>(WithingsServices.Notify.Path, parameters, accessToken, retryable: false, cancellationToken);
    }

    private static List<KeyValuePair<string, string>> Notify(string action, string callbackUrl, int? appli)
    {
        var parameters = Action(action);
        parameters.Add(new("callbackurl", callbackUrl));
        Add(parameters, "appli", appli);
        return parameters;
    }
}
