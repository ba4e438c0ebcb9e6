using System.Diagnostics;

namespace MeshActors.Tests.Transport.Tls;

/// <summary>Runs <c>openssl s_client</c> (a TLS client no one here wrote) against a port.</summary>
internal static class OpenSslClient
{
    public static async Task<(int Exit, string Output)> ConnectAsync(int port, params string[] extra)
    {
        var info = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "s_client", "-connect", $"127.0.0.1:{port}", "-alpn", "h2" }.Concat(extra.Contains("-tls1_2") ? extra : ["-tls1_3", .. extra]))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"openssl s_client did not finish within 20 s: {await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
