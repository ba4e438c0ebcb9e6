namespace MeshActors.Node.Tests;

/// <summary>Runs the built <c>meshctl</c> as a real process and collects its output.</summary>
internal static class MeshctlProcess
{
    /// <summary>Runs meshctl with <paramref name="args"/> until it exits; output is standard output and (prefixed) standard error.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(IEnumerable<string> args, string? workingDirectory = null)
    {
        using var cli = ChildProcess.StartDotnet(RepoPaths.MeshctlDll, args, workingDirectory: workingDirectory);
        var exit = await cli.WaitForExitAsync();
        return (exit, cli.Output);
    }

    /// <summary>Runs meshctl and fails the test unless it exits 0.</summary>
    public static async Task<string> RequireAsync(IEnumerable<string> args, string? workingDirectory = null)
    {
        var (exit, output) = await RunAsync(args, workingDirectory);
        return exit == 0 ? output : throw new InvalidOperationException($"meshctl {string.Join(' ', args)} exited {exit}:\n{output}");
    }
}
