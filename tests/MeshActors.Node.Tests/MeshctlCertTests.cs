using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MeshActors.Node.Tests;

/// <summary><c>meshctl cert …</c> as an operator runs it, judged by OpenSSL.</summary>
public sealed partial class MeshctlCertTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshctl-cert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Ca_then_issue_gives_files_openssl_verifies()
    {
        var (caExit, caOutput) = await Meshctl("cert", "ca", "--cluster", "alpha", "--out", "ca");
        var (exit, output) = await Meshctl("cert", "issue", "--ca", "ca", "--cluster", "alpha", "--node", "n1", "--out", "n1",
            "--days", "30", "--dns", "n1.mesh.local", "--ip", "10.0.0.5", "--ip", "fd00::5");

        caExit.Should().Be(0, caOutput);
        caOutput.Should().Contain($"wrote {_dir}/ca/ca.crt").And.Contain($"wrote {_dir}/ca/ca.key").And.MatchRegex("fingerprint sha256:[0-9a-f]{64}");
        exit.Should().Be(0, output);
        output.Should().Contain($"wrote {_dir}/n1/node.crt").And.Contain("meshactors://alpha/n1").And.Contain($"wrote {_dir}/n1/node.key");
        (await OpenSsl("verify", "-CAfile", "ca/ca.crt", "n1/node.crt")).Should().Be((0, "n1/node.crt: OK\n"));
        var (_, names) = await OpenSsl("x509", "-in", "n1/node.crt", "-noout", "-ext", "subjectAltName,extendedKeyUsage", "-enddate");
        names.Should().Contain("URI:meshactors://alpha/n1, DNS:n1.mesh.local, IP Address:10.0.0.5, IP Address:FD00:0:0:0:0:0:0:5")
            .And.Contain("TLS Web Server Authentication, TLS Web Client Authentication");
        (await OpenSsl("pkey", "-in", "n1/node.key", "-noout")).Exit.Should().Be(0);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_dir, "n1", "node.key")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }


        await OpenSsl("x509", "-in", "n1/node.crt", "-pubkey", "-noout", "-out", "pub.pem");
        await OpenSsl("pkey", "-pubin", "-in", "pub.pem", "-outform", "DER", "-out", "pub.der");
        var (_, digest) = await OpenSsl("dgst", "-sha256", "-r", "pub.der");
        FingerprintLine().Match(output).Groups[1].Value.Should().Be(digest.Split(' ')[0], "the printed fingerprint is the key's");
    }

    [Fact]
    public async Task A_certificate_of_another_ca_fails_openssl_verify()
    {
        await Meshctl("cert", "ca", "--cluster", "alpha", "--out", "ca");
        await Meshctl("cert", "ca", "--cluster", "alpha", "--out", "other");
        var (exit, output) = await Meshctl("cert", "issue", "--ca", "other", "--cluster", "alpha", "--node", "n2", "--out", "n2");

        exit.Should().Be(0, output);
        var (verify, said) = await OpenSsl("verify", "-CAfile", "ca/ca.crt", "n2/node.crt");
        verify.Should().NotBe(0);
        said.Should().Contain("unable to get local issuer certificate");
    }

    [Fact]
    public async Task Existing_files_are_kept_unless_forced()
    {
        await Meshctl("cert", "ca", "--cluster", "alpha", "--out", "ca");
        var before = File.ReadAllText(Path.Combine(_dir, "ca", "ca.crt"));

        var (exit, output) = await Meshctl("cert", "ca", "--cluster", "alpha", "--out", "ca");

        exit.Should().Be(2);
        output.Should().Contain("ca.crt and").And.Contain("already exist").And.Contain("--force").And.NotContain("   at ");
        File.ReadAllText(Path.Combine(_dir, "ca", "ca.crt")).Should().Be(before);

        (await Meshctl("cert", "ca", "--cluster", "alpha", "--out", "ca", "--force")).Exit.Should().Be(0);
        File.ReadAllText(Path.Combine(_dir, "ca", "ca.crt")).Should().NotBe(before);

        (await Meshctl("cert", "issue", "--ca", "ca", "--cluster", "alpha", "--node", "n1", "--out", "n1")).Exit.Should().Be(0);
        var (again, said) = await Meshctl("cert", "issue", "--ca", "ca", "--cluster", "alpha", "--node", "n1", "--out", "n1");
        again.Should().Be(2);
        said.Should().Contain("node.crt").And.Contain("--force");
    }

    [Theory]
    [InlineData("--node", "bad id", "--node \"bad id\" is not a valid id")]
    [InlineData("--node", "-n1", "--node \"-n1\" is not a valid id")]
    [InlineData("--cluster", "x/y", "--cluster \"x/y\" is not a valid id")]
    [InlineData("--ip", "300.1.1.1", "--ip \"300.1.1.1\" is not an IP address")]
    [InlineData("--ip", "10.1", "--ip \"10.1\" is not an IP address")]
    [InlineData("--dns", "under_score.local", "--dns \"under_score.local\" is not a DNS name")]
    [InlineData("--days", "0", "--days 0: give a positive number of days")]
    [InlineData("--days", "100000", "--days 100000: the certificate would outlive its CA")]
    [InlineData("--ca", "missing", "--ca ")]
    [InlineData("--cluster", "beta", "--cluster beta: the CA in ca signs for cluster \"alpha\"")]
    public async Task Bad_input_exits_2_naming_the_option(string option, string value, string expected)
    {
        await Meshctl("cert", "ca", "--cluster", "alpha", "--out", "ca");
        var args = new Dictionary<string, string> { ["--ca"] = "ca", ["--cluster"] = "alpha", ["--node"] = "n1", ["--out"] = "n1" };
        args[option] = value;

        var (exit, output) = await Meshctl(["cert", "issue", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        exit.Should().Be(2, output);
        output.Should().Contain("error: " + expected).And.NotContain("   at ");
        Directory.Exists(Path.Combine(_dir, "n1")).Should().BeFalse("nothing is written on bad input");
    }

    [Fact]
    public async Task A_corrupt_ca_key_is_named()
    {
        await Meshctl("cert", "ca", "--cluster", "alpha", "--out", "ca");
        File.WriteAllText(Path.Combine(_dir, "ca", "ca.key"), "oops");

        var (exit, output) = await Meshctl("cert", "issue", "--ca", "ca", "--cluster", "alpha", "--node", "n1", "--out", "n1");

        exit.Should().Be(2);
        output.Should().Contain("--ca").And.Contain("ca.key: does not hold a PEM ECDSA private key").And.NotContain("   at ");
    }

    private async Task<(int Exit, string Output)> Meshctl(params string[] args)
    {
        using var cli = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, args, workingDirectory: _dir);
        var exit = await cli.WaitForExitAsync();
        return (exit, cli.Output);
    }

    private async Task<(int Exit, string Output)> OpenSsl(params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/openssl") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("openssl did not start; install the Debian package openssl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(ChildProcess.DefaultDeadline);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', args)} still running after {ChildProcess.DefaultDeadline.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex("fingerprint sha256:([0-9a-f]{64})")]
    private static partial Regex FingerprintLine();
}
