using CredIr.Grpc.Internal;

namespace CredIr.Grpc.Tests.Protocol;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("plain text: ok", "plain text: ok")]
    [InlineData("100%", "100%25")]
    [InlineData("é", "%C3%A9")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Encode_EscapesNonPrintableAsciiAndPercent(string message, string wire)
    {
        Assert.Equal(wire, PercentEncoding.Encode(message));
        Assert.Equal(message, PercentEncoding.Decode(wire));
    }

    [Fact]
    public void Decode_MalformedEscape_IsKeptAsItIs()
    {
        Assert.Equal("50%zz and %4", PercentEncoding.Decode("50%zz and %4"));
    }
}
