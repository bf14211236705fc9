using Withings.Portal.Operations;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Runs one diagnosis once the portal has sent its first answer, so that the first visitor who pastes an error does not
/// wait for the engine's phrase index and its first compilation: about 0.4 s on a 2-core machine, against a few
/// milliseconds once warm. After the first answer, not at start-up: the start is bound by CPU (docs/PERFORMANCE.md).
/// </summary>
/// <remarks>
/// The engine is resolved only then: the host builds its hosted services on the start-up thread, and resolving the
/// engine there would build the topics (and the content under them) before the start-up preload could build them beside
/// the database migration (measured: about 0.3 s more to the first page).
/// </remarks>
internal sealed partial class DiagnosisWarmUp(IServiceProvider services, FirstAnswer firstAnswer, ILogger<DiagnosisWarmUp> logger) : BackgroundService
{
    /// <summary>A paste of the usual kinds at once (a log, a request, a JSON answer, a traceback), so each reader is compiled.</summary>
    internal const string Paste = """
        2026-12-07 08:00:00 DEBUG Refresh Access Token
        curl -X POST https://wbsapi.withings.net/v2/oauth2 -d action=requesttoken -d grant_type=refresh_token -d client_id=abc
        {"status": 503, "error": "Invalid Params: invalid refresh_token"}
        Traceback (most recent call last):
        withings_api.common.InvalidParamsException: Error code 503
        """;

    public bool HasRun { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await firstAnswer.WaitAsync(stoppingToken);
            var started = TimeProvider.System.GetTimestamp();
            services.GetRequiredService<DiagnosisEngine>().Diagnose(Paste);
            HasRun = true;
            LogWarmedUp(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the first answer: nothing to warm.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Only a head start: the first paste will build what this could not, and say what went wrong then.
            LogFailed(exception);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Diagnosis engine warmed up in {Milliseconds:F0} ms")]
    private partial void LogWarmedUp(double milliseconds);

    [LoggerMessage(LogLevel.Warning, "The diagnosis engine could not be warmed up")]
    private partial void LogFailed(Exception exception);
}
