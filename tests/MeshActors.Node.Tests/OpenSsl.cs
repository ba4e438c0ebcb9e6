using System.Diagnostics;

namespace MeshActors.Node.Tests;

/// <summary>Runs <c>openssl s_client</c> against a node, as an independent TLS client, with a deadline.</summary>
internal static class OpenSsl
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Connects, completes (or fails) the handshake, sends nothing and closes.</summary>
    public static async Task<Result> SClientAsync(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("/usr/bin/openssl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in (string[])["s_client", "-brief", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("openssl did not start; install the Debian package 'openssl' (./test.sh does)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(deadline.Token);
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}
