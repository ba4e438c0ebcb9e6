using MeshActors.Transport;

namespace MeshActors.Tests.Transport;

public sealed class NodeAddressTests
{
    [Theory]
    [InlineData("10.0.0.1:7946", "10.0.0.1", 7946)]
    [InlineData("seed.example.com:1", "seed.example.com", 1)]
    [InlineData("[::1]:65535", "::1", 65535)]
    public void Parses_host_and_port(string text, string host, int port)
    {
        var address = NodeAddress.Parse(text);
        address.Should().Be(new NodeAddress(host, port));
        address.ToString().Should().Be(text, "formatting round-trips");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("10.0.0.1", "has no port")]
    [InlineData("10.0.0.1:", "has no port")]
    [InlineData("10.0.0.1:0", "invalid port")]
    [InlineData("10.0.0.1:70000", "invalid port")]
    [InlineData("10.0.0.1:http", "invalid port")]
    [InlineData("::1:7946", "put it in brackets")]
    [InlineData("bad host!:7946", "neither a host name nor an IP address")]
    public void Refuses_bad_input_saying_what_is_wrong(string text, string problem)
    {
        NodeAddress.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(problem);
    }
}
