using System.Diagnostics;

namespace MeshActors.Tests.Security;

/// <summary>Runs the real <c>openssl</c> command line tool, with a deadline, as an independent check.</summary>
internal static class OpenSsl
{
    public const string Path = "/usr/bin/openssl";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"{Path} is missing: install the Debian package 'openssl' (./test.sh does)");
        }

        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', args)} did not finish within {Deadline.TotalSeconds} s");
        }

        return new Result(process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>Runs openssl and fails the test, showing its output, unless it exits 0.</summary>
    public static async Task<string> MustRunAsync(string workingDirectory, params string[] args)
    {
        var result = await RunAsync(workingDirectory, args);
        result.Succeeded.Should().BeTrue($"openssl {string.Join(' ', args)} should succeed; it said:\n{result.Output}");
        return result.Output;
    }
}
