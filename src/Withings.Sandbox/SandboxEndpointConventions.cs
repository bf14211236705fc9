namespace Withings.Sandbox;

/// <summary>
/// Conventions a host adds to the sandbox's endpoints that anyone may call and that write to its database: the portal
/// limits each per client address. The sandbox run on its own (a client library's tests) adds none.
/// </summary>
public sealed class SandboxEndpointConventions
{
    /// <summary><c>POST {base}/dashboard/apps</c>: registers an app.</summary>
    public Action<IEndpointConventionBuilder>? AppRegistration { get; init; }

    /// <summary><c>{base}/simulate/users/{userid}/…</c>: adds data to a simulated user, whom every visitor shares.</summary>
    public Action<IEndpointConventionBuilder>? Simulation { get; init; }

    /// <summary><c>POST {base}/account/oauth2_user/authorize2</c>: "Allow this app" stores an authorization code.</summary>
    public Action<IEndpointConventionBuilder>? Consent { get; init; }
}
