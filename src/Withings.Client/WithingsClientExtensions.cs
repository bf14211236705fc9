using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Withings.Client;

namespace Microsoft.Extensions.DependencyInjection;

public static class WithingsClientExtensions
{
    /// <summary>Registers <see cref="WithingsClient"/> with options bound from <c>Withings</c> (validated at start-up).</summary>
    public static IHostApplicationBuilder AddWithingsClient(this IHostApplicationBuilder builder, string section = WithingsApiOptions.Section)
    {
        builder.Services.AddOptions<WithingsApiOptions>().BindConfiguration(section);
        builder.Services.AddWithingsClient();
        return builder;
    }

    /// <summary>
    /// Registers <see cref="WithingsClient"/>: a typed HttpClient whose resilience pipeline bounds every call with a
    /// timeout and retries only idempotent data reads. Token and signature calls are never retried: a retried code
    /// exchange would burn the single-use code, and a retried refresh would rotate the refresh token twice.
    /// </summary>
    public static IHttpClientBuilder AddWithingsClient(this IServiceCollection services, Action<WithingsApiOptions>? configure = null)
    {
        var options = services.AddOptions<WithingsApiOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        var client = services.AddHttpClient<WithingsClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("withings", static (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<WithingsApiOptions>>().Value;
            pipeline.AddTimeout(settings.Timeout);
            if (settings.DataReadRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.DataReadRetries,
                    Delay = settings.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(
                        IsRetryableRead(args.Context) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
            }
            pipeline.AddTimeout(settings.AttemptTimeout);
        });
        return client;
    }

    private static bool IsRetryableRead(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(WithingsClient.RetryableRead, out var retryable) && retryable;
}
