namespace Withings.Portal.Operations;

/// <summary>
/// OpenTelemetry export (section <c>OpenTelemetry</c>). Off unless <see cref="OtlpEndpoint"/> is set; then traces
/// (incoming requests, outgoing HTTP calls to Withings or the sandbox) and metrics (ASP.NET Core, Kestrel, HTTP client,
/// .NET runtime) go to that collector over OTLP.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> with <see cref="Protocol"/> <c>HttpProtobuf</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public string Protocol { get; set; } = "Grpc";

    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public Uri Endpoint => new(OtlpEndpoint!);

    public bool AreValid() =>
        (!Enabled || Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") &&
        Protocol is "Grpc" or "HttpProtobuf";
}
