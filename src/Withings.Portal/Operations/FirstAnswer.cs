using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Withings.Portal.Operations;

/// <summary>
/// The portal's first answer to a request (health probes aside: they are not visitors), for start-up work that can
/// wait for it: on a machine with two cores, work started beside the first request (the sandbox preparing its tables)
/// takes the CPU that request needs, and the first visitor waits for both (docs/PERFORMANCE.md, start-up fourth round).
/// </summary>
public sealed class FirstAnswer(TimeProvider time)
{
    /// <summary>The longest such work waits when no request comes (a portal started before its first visitor).</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first answer has gone out, or after <see cref="LongestWait"/>.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) =>
        Task.WhenAny(sent.Task, Task.Delay(LongestWait, time, cancellationToken)).Unwrap();

    internal bool HasBeenSent => sent.Task.IsCompleted;

    internal void Sent() => sent.TrySetResult();
}

/// <summary>Notes the first answer, in front of the whole pipeline (so whatever answers, it is seen).</summary>
internal sealed class FirstAnswerWatch(FirstAnswer first) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, pipeline) =>
        {
            if (first.HasBeenSent ||
                context.Request.Path.StartsWithSegments(HealthExtensions.LivenessPath, StringComparison.OrdinalIgnoreCase))
            {
                await pipeline(context);
                return;
            }
            try
            {
                await pipeline(context);
            }
            finally
            {
                first.Sent();
            }
        });
        next(app);
    };
}

public static class FirstAnswerExtensions
{
    /// <summary>Makes <see cref="FirstAnswer"/> available to the features whose start-up work waits for it.</summary>
    public static IServiceCollection AddFirstAnswer(this IServiceCollection services)
    {
        services.TryAddSingleton<FirstAnswer>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, FirstAnswerWatch>());
        return services;
    }
}
