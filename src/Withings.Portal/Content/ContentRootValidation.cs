using Microsoft.Extensions.Options;

namespace Withings.Portal.Content;

/// <summary>
/// A content folder that does not exist stops the start with the one thing to fix, instead of one "has no file" line
/// for every troubleshooter topic the loader then cannot find.
/// </summary>
internal sealed class ContentRootValidation(IHostEnvironment environment) : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        var root = options.ResolveRoot(environment.ContentRootPath);
        return Directory.Exists(root)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Root: the folder {root} does not exist. Set it to the folder holding faq/, troubleshoot/, glossary/ and " +
                "guides/, or leave it empty to use the content published beside the portal.");
    }
}
