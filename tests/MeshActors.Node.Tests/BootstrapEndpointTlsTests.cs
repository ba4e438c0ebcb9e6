using System.Diagnostics;
using MeshActors.Tests.Discovery.Dns;

namespace MeshActors.Node.Tests;

/// <summary>
/// The bootstrap endpoint gives the member list only to a caller with a certificate from the
/// cluster CA, checked with the real curl: without a certificate, over plain HTTP, or with a
/// certificate from another CA, curl gets no <c>seedNodes</c>; with a cluster certificate it gets them.
/// </summary>
public sealed class BootstrapEndpointTlsTests : IDisposable
{
    private const string Cluster = "boot-tls";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TlsTestPki _pki = new(Cluster);

    public void Dispose() => _pki.Dispose();

    [Fact]
    public async Task Only_a_client_with_a_cluster_certificate_gets_the_member_list()
    {
        var node = _pki.Issue("tls-node", Cluster, _pki.CaA);
        var remoting = FreePort.UdpAndTcp();
        using var process = ChildProcess.StartDotnet(RepoPaths.NodeDll, new[]
        {
            "meshactors.node.id=tls-node", $"meshactors.cluster.id={Cluster}", $"meshactors.node.data-dir=\"{_pki.Folder("data")}\"",
            $"meshactors.transport.port={remoting}", "meshactors.control.port=0", "meshactors.bootstrap.port=0",
            $"meshactors.discovery.static.seeds=[\"127.0.0.1:{remoting}\"]",
            $"meshactors.transport.tls.ca=\"{node.CaPath}\"", $"meshactors.transport.tls.cert=\"{node.CertPath}\"", $"meshactors.transport.tls.key=\"{node.KeyPath}\"",
        }.SelectMany(s => new[] { "--set", s }));
        var endpoint = (await process.WaitForLineAsync(@"Bootstrap endpoint listening on (https://127\.0\.0\.1:\d+/)", Deadline)).Groups[1].Value;
        await process.WaitForLineAsync(@"Member akka\.ssl\.tcp://\S+ \(tls-node\) is up", Deadline);
        var url = endpoint + "bootstrap/seed-nodes";
        var self = $"akka.ssl.tcp://{Cluster}@127.0.0.1:{remoting}";

        var member = _pki.Issue("curl-member", Cluster, _pki.CaA);
        var withCertificate = await CurlAsync("--cacert", member.CaPath, "--cert", member.CertPath, "--key", member.KeyPath, url);
        withCertificate.Exit.Should().Be(0, withCertificate.Output);
        withCertificate.Output.Should().Contain("\"seedNodes\"").And.Contain(self, "a caller with a cluster certificate gets the member list");

        var withoutCertificate = await CurlAsync("-k", url);
        withoutCertificate.Exit.Should().NotBe(0, "the endpoint requires a client certificate: " + withoutCertificate.Output);
        withoutCertificate.Output.Should().NotContain("seedNodes").And.NotContain(self);

        var plain = await CurlAsync(url.Replace("https://", "http://", StringComparison.Ordinal));
        plain.Exit.Should().NotBe(0, "the endpoint speaks only TLS: " + plain.Output);
        plain.Output.Should().NotContain("seedNodes").And.NotContain(self);

        var stranger = _pki.Issue("curl-stranger", Cluster, _pki.CaB);
        var otherCa = await CurlAsync("-k", "--cert", stranger.CertPath, "--key", stranger.KeyPath, url);
        otherCa.Exit.Should().NotBe(0, "a certificate from another CA is refused: " + otherCa.Output);
        otherCa.Output.Should().NotContain("seedNodes").And.NotContain(self);
        await process.WaitForLineAsync(@"\[4001\] Audit tls-refused: peer curl-stranger .*reason untrusted", Deadline);
    }

    /// <summary>Runs curl (silent, errors shown, failing on HTTP errors, 10 s at most) and returns its exit code and all it printed.</summary>
    private static async Task<(int Exit, string Output)> CurlAsync(params string[] args)
    {
        var info = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-sS", "-f", "--max-time", "10" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        using var curl = Process.Start(info)!;
        var stdout = curl.StandardOutput.ReadToEndAsync();
        var stderr = curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        return (curl.ExitCode, $"curl {string.Join(' ', args)} → exit {curl.ExitCode}\n{await stdout}\n{await stderr}");
    }
}
