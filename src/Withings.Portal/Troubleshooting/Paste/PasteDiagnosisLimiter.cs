using Microsoft.Extensions.Options;
using Withings.Portal.Shell;

namespace Withings.Portal.Troubleshooting.Paste;

/// <summary>How many pastes one client address has diagnosed per window (<see cref="PasteDiagnosisOptions"/>).</summary>
public sealed class PasteDiagnosisLimiter(IOptions<PasteDiagnosisOptions> options)
    : ClientAddressLimiter(options.Value.PermitLimit, TimeSpan.FromSeconds(options.Value.WindowSeconds));
