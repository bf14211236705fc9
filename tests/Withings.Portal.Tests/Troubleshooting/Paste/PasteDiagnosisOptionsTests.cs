using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Troubleshooting.Paste;

public class PasteDiagnosisOptionsTests
{
    [Theory]
    [InlineData("Troubleshooting:PasteBox:PermitLimit", "0", "PermitLimit")]
    [InlineData("Troubleshooting:PasteBox:WindowSeconds", "3601", "WindowSeconds")]
    public void BadPasteBoxLimitsStopStartupWithAClearMessage(string key, string value, string expected)
    {
        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { [key] = value } });

        Assert.Contains(expected, error.Message);
    }
}
