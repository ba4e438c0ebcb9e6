namespace MeshActors.Node.Tests;

/// <summary><c>meshctl connections</c> given bad input or no node to talk to.</summary>
public sealed class MeshctlConnectionsTests
{
    private static async Task<(int Exit, string Output)> Meshctl(params string[] args)
    {
        using var cli = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, args);
        var exit = await cli.WaitForExitAsync();
        return (exit, cli.Output);
    }

    [Fact]
    public async Task No_node_at_the_endpoint_is_explained_with_the_fix()
    {
        var (exit, output) = await Meshctl("connections", "--endpoint", "http://127.0.0.1:1");

        exit.Should().Be(1);
        output.Should().Contain("cannot reach the control endpoint at http://127.0.0.1:1/").And.Contain("Is the node running?").And.NotContain("   at ");
    }

    [Fact]
    public async Task An_endpoint_that_is_not_an_http_url_is_refused_by_name()
    {
        var (exit, output) = await Meshctl("connections", "--endpoint", "ftp://example");

        exit.Should().NotBe(0);
        output.Should().Contain("--endpoint must be an http(s) URL");
    }
}
