using Microsoft.Extensions.Options;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Content;

public class ContentRootValidationTests
{
    [Fact]
    public void AContentFolderThatDoesNotExistStopsTheStartNamingTheFolderOnce()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-content-{Guid.NewGuid():N}");

        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { ["Content:Root"] = missing } });

        var invalid = Assert.IsType<OptionsValidationException>(error);
        var failure = Assert.Single(invalid.Failures);
        Assert.StartsWith($"Root: the folder {missing} does not exist.", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("has no file", error.ToString(), StringComparison.Ordinal);
    }
}
