namespace Withings.Client.Tests.OAuth;

/// <summary>
/// The test vectors of withings4j's signature tests (https://github.com/sugimomoto/withings_sample), recomputed with
/// Python's hmac.
/// </summary>
public class WithingsSignatureTests
{
    [Theory]
    [InlineData("getnonce,test_client_id,1594257200", "813fa95f1669e344946e4cc248876293f05ec3de0335566c6529e12dd2f07d9a")]
    [InlineData("action,clientId,nonce", "bfcdf77330a5f4da566f53f848c378c2d412d6ea6fdb963604e3c014d3d02a34")]
    [InlineData("subscribe,test_client_id,test_nonce", "e7eef8f48f91aebeb642a92b88daa672d46b910a5b4d81f1dd73996c0680d529")]
    public void HmacSha256MatchesTheTestVectors(string message, string expected) =>
        Assert.Equal(expected, WithingsSignature.Compute("secretKey", message));

    [Fact]
    public void GetnonceSignsActionClientIdAndTimestampInKeyOrder() =>
        Assert.Equal("813fa95f1669e344946e4cc248876293f05ec3de0335566c6529e12dd2f07d9a",
            WithingsSignature.ForNonce("secretKey", "test_client_id", 1594257200));

    [Fact]
    public void OtherCallsSignActionClientIdAndNonce() =>
        Assert.Equal("e7eef8f48f91aebeb642a92b88daa672d46b910a5b4d81f1dd73996c0680d529",
            WithingsSignature.ForAction("secretKey", "subscribe", "test_client_id", "test_nonce"));

    [Fact]
    public void ParametersAreSortedByKeyWhateverTheirOrder() =>
        Assert.Equal("getnonce,test_client_id,1594257200",
            WithingsSignature.MessageFor([new("timestamp", "1594257200"), new("client_id", "test_client_id"), new("action", "getnonce")]));

    [Fact]
    public void ComparisonIgnoresHexCase() =>
        Assert.True(WithingsSignature.Matches("bfcdf77330a5f4da566f53f848c378c2d412d6ea6fdb963604e3c014d3d02a34",
            "BFCDF77330A5F4DA566F53F848C378C2D412D6EA6FDB963604E3C014D3D02A34"));
}
