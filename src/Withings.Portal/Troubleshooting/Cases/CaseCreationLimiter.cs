using Microsoft.Extensions.Options;
using Withings.Portal.Shell;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>How many cases one client address saves per window (<see cref="CaseOptions"/>).</summary>
public sealed class CaseCreationLimiter(IOptions<CaseOptions> options)
    : ClientAddressLimiter(options.Value.PermitLimit, options.Value.Window);
