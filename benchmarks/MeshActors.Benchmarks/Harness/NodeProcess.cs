using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MeshActors.Benchmarks.Harness;

/// <summary>
/// One real node process. Its output goes straight to a log file (a shell redirects it, then execs
/// the program, so the PID is the node's and the harness reads nothing). Killed at dispose.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private readonly Process _process;

    private NodeProcess(string name, int controlPort, string logPath, Process process, TimeSpan launchedAt)
    {
        Name = name;
        ControlPort = controlPort;
        LogPath = logPath;
        LaunchedAt = launchedAt;
        _process = process;
    }

    public string Name { get; }

    public int ControlPort { get; }

    public string LogPath { get; }

    /// <summary>When the process was started, on the run's clock.</summary>
    public TimeSpan LaunchedAt { get; }

    /// <summary>The node's own address, from the <c>self</c> field of its first members document.</summary>
    public string? Self { get; set; }

    /// <summary>Why the last poll of this node gave no view (no answer, a status, a body that is not a members document); null after a good one.</summary>
    public string? LastProblem { get; set; }

    /// <summary>The last members document this node gave, to tell why a wait failed.</summary>
    public MemberView? LastView { get; set; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static NodeProcess Start(string name, string program, IEnumerable<string> arguments, int controlPort, string logPath, Stopwatch clock)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$@\" >\"$NODE_LOG\" 2>&1 </dev/null");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MESHACTORS__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["NODE_LOG"] = logPath;
        var launchedAt = clock.Elapsed;
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start /bin/sh");
        ChildProcesses.Add(process);
        return new NodeProcess(name, controlPort, logPath, process, launchedAt);
    }

    /// <summary>SIGKILL: the node dies at once, telling no one.</summary>
    public void Crash() => Signal(SigKill);

    /// <summary>SIGTERM: the node leaves the cluster gracefully, then exits.</summary>
    public void Terminate() => Signal(SigTerm);

    public async Task<bool> WaitForExitAsync(TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Crash();
            _process.WaitForExit(10_000);
        }

        ChildProcesses.Remove(_process);
        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (!_process.HasExited && Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({signal}) of {Name} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
