using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Withings.Client.Tests.Infrastructure;

/// <summary>A <see cref="WithingsClient"/> registered as the portal registers it, with a scripted handler instead of the network.</summary>
public sealed class ClientHarness : IDisposable
{
    private readonly ServiceProvider provider;

    public ClientHarness(Func<HttpRequestMessage, HttpResponseMessage> answer, Action<WithingsApiOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddWithingsClient(options =>
        {
            options.ClientId = "client-id-123";
            options.ClientSecret = "s3cr3t-client-secret";
            options.CallbackUrl = "https://partner.example/cb";
            options.RetryDelay = TimeSpan.Zero;
            configure?.Invoke(options);
        }).ConfigurePrimaryHttpMessageHandler(() => new ScriptedHandler(request =>
        {
            Requests.Add(request);
            // The client disposes its request after the call: keep the (already buffered) body for assertions.
            Bodies.Add(request.Content?.ReadAsStringAsync().GetAwaiter().GetResult());
            return answer(request);
        }));
        provider = services.BuildServiceProvider();
        Client = provider.GetRequiredService<WithingsClient>();
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1594257200));

    public WithingsClient Client { get; }

    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string?> Bodies { get; } = [];

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public void Dispose() => provider.Dispose();
}

public sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }
        return answer(request);
    }
}
