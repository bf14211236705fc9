using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Wire;

/// <summary>
/// A body the sandbox cannot read as a form is answered in Withings' envelope (or 413 when too large), like every other
/// problem with a call, and is not logged as a failure: it used to escape as an unhandled exception.
/// </summary>
public sealed class WithingsRequestTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    public static TheoryData<string, string> UnreadableForms => new()
    {
        { "/wbsapi/v2/oauth2", "broken multipart" },
        { "/wbsapi/measure", "broken multipart" },
        { "/wbsapi/v2/signature", "1,100 fields" },
        { "/wbsapi/measure", "1,100 fields" },
    };

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task AFormThatCannotBeReadIsAnsweredInTheEnvelopeWithoutAnErrorLog(string service, string kind)
    {
        HttpContent content = kind == "broken multipart"
            ? new ByteArrayContent("--xyz\r\nbroken"u8.ToArray()) { Headers = { { "Content-Type", "multipart/form-data; boundary=xyz" } } }
            : new StringContent(string.Join("&", Enumerable.Range(0, 1100).Select(i => $"p{i}=v")), Encoding.ASCII, "application/x-www-form-urlencoded");
        var errorsBefore = fixture.Factory.Errors.Lines.Count;

        var response = await fixture.Factory.CreateClient().PostAsync(service, content);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(503, answer.Status());
        Assert.Equal("Invalid Params: the body could not be read as a form (it is malformed, or has too many fields or too long a value)", answer.Error());
        Assert.Equal(errorsBefore, fixture.Factory.Errors.Lines.Count);
    }

    [Fact]
    public async Task ABodyOverTheServersLimitIs413()
    {
        await using var sandbox = new SandboxFactory();
        // Over a real socket: Kestrel enforces its request body limit, the in-memory test server has none.
        sandbox.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = 1024;
        });
        try
        {
            sandbox.StartServer();
            var form = new StringContent("action=getmeas&pad=" + new string('x', 4096), Encoding.ASCII, "application/x-www-form-urlencoded");

            var response = await sandbox.CreateClient().PostAsync("/wbsapi/measure", form, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Empty(sandbox.Errors.Lines);
        }
        finally
        {
            sandbox.DeleteData();
        }
    }
}
