using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Withings.Sandbox.Data;
using Withings.Sandbox.Notify;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Notify;

/// <summary>After a user action the sandbox posts the notification, but only to the host's inbox or to hosts an operator allowed.</summary>
public sealed class NotificationSenderTests : IDisposable
{
    private const string Partner = "https://partner.example/withings/notify";
    private const string Inbox = "http://localhost/inbox/";
    private readonly SandboxFactory factory = new();
    private readonly ConcurrentQueue<(string Client, string Url, string Body)> posts = new();

    private WebApplicationFactory<SandboxOptions>? app;

    private SandboxClient Start()
    {
        factory.Settings["Sandbox:NotificationInbox"] = Inbox;
        app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            foreach (var name in new[] { NotificationSender.InboxClientName, NotificationSender.DeliveryClientName })
            {
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(request =>
                {
                    posts.Enqueue((name, request.RequestUri!.ToString(), request.Content!.ReadAsStringAsync().GetAwaiter().GetResult()));
                    return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
                }));
            }
        }));
        return new SandboxClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), factory);
    }

    [Fact]
    public async Task InboxSubscriptionSkipsTheHeadCheckAndReceivesTheWeightNotification()
    {
        var client = Start();
        var (access, _) = await client.LinkAsync();

        var subscribe = await client.PostAsync("/wbsapi/notify", access, ("action", "subscribe"), ("callbackurl", Inbox + "abc"), ("appli", "1"));
        await client.Http.PostAsync($"/simulate/users/{SimulatedUsers.DemoUserId}/weight?kg=72.3", null, TestContext.Current.CancellationToken);

        Assert.Equal(0, subscribe.Status());
        Assert.Empty(factory.CallbackChecks);
        var post = await FirstPostAsync();
        Assert.Equal((NotificationSender.InboxClientName, Inbox + "abc"), (post.Client, post.Url));
        Assert.StartsWith($"userid={SimulatedUsers.DemoUserId}&appli=1&startdate=", post.Body);
        Assert.Contains("&enddate=", post.Body);
    }

    [Fact]
    public async Task PartnerCallbackGetsNothingUnlessAnOperatorAllowsItsHost()
    {
        var client = Start();
        var (access, _) = await client.LinkAsync();
        Assert.Equal(0, (await client.PostAsync("/wbsapi/notify", access, ("action", "subscribe"), ("callbackurl", Partner), ("appli", "4"))).Status());

        await client.Http.PostAsync($"/simulate/users/{SimulatedUsers.DemoUserId}/blood-pressure", null, TestContext.Current.CancellationToken);
        await DeliveriesAsync();

        Assert.Empty(posts);
    }

    [Fact]
    public async Task AllowedHostReceivesTheNotificationOverThePublicClient()
    {
        factory.Settings["Sandbox:NotificationAllowedHosts:0"] = "partner.example";
        var client = Start();
        var (access, _) = await client.LinkAsync();
        Assert.Equal(0, (await client.PostAsync("/wbsapi/notify", access, ("action", "subscribe"), ("callbackurl", Partner), ("appli", "4"))).Status());

        await client.Http.PostAsync($"/simulate/users/{SimulatedUsers.DemoUserId}/blood-pressure", null, TestContext.Current.CancellationToken);

        var post = await FirstPostAsync();
        Assert.Equal((NotificationSender.DeliveryClientName, Partner), (post.Client, post.Url));
        Assert.Contains("appli=4", post.Body);
    }

    /// <summary>The simulate call returns before its notifications go out; waits for those it started.</summary>
    private Task DeliveriesAsync() =>
        app!.Services.GetRequiredService<NotificationSender>().WhenDeliveredAsync().WaitAsync(TestContext.Current.CancellationToken);

    private async Task<(string Client, string Url, string Body)> FirstPostAsync()
    {
        await DeliveriesAsync();
        Assert.True(posts.TryPeek(out var post), "No notification was posted.");
        return post;
    }

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }
}
