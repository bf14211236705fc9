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

    private SandboxClient Start()
    {
        factory.Settings["Sandbox:NotificationInbox"] = Inbox;
        var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
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
        await Task.Delay(500, TestContext.Current.CancellationToken);

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

    private async Task<(string Client, string Url, string Body)> FirstPostAsync()
    {
        for (var i = 0; i < 100 && posts.IsEmpty; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.True(posts.TryPeek(out var post), "No notification was posted.");
        return post;
    }

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }
}
