using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MeshActors.Benchmarks;

/// <summary>
/// One real node process (<c>dotnet MeshActors.Node.dll --set ...</c>) for the membership
/// comparison. Its output goes straight to a log file (a shell redirects it, then execs dotnet, so
/// the PID is the node's and the benchmark spends nothing on reading it). Killed at dispose.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private readonly Process _process;

    private NodeProcess(int index, string nodeId, int controlPort, string logPath, Process process, TimeSpan startedAt)
    {
        Index = index;
        NodeId = nodeId;
        ControlPort = controlPort;
        LogPath = logPath;
        StartedAt = startedAt;
        _process = process;
    }

    public int Index { get; }

    public string NodeId { get; }

    public int ControlPort { get; }

    public string LogPath { get; }

    /// <summary>When the process was started, on the run's clock.</summary>
    public TimeSpan StartedAt { get; }

    /// <summary>When GET /health/ready first answered 200, on the run's clock.</summary>
    public TimeSpan? ReadyAt { get; set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static NodeProcess Start(string nodeDll, int index, string nodeId, int controlPort, IEnumerable<string> settings, string logPath, Stopwatch clock)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$@\" >\"$NODE_LOG\" 2>&1");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(nodeDll);
        foreach (var setting in settings)
        {
            info.ArgumentList.Add("--set");
            info.ArgumentList.Add(setting);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MESHACTORS__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["NODE_LOG"] = logPath;
        var startedAt = clock.Elapsed;
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start /bin/sh");
        return new NodeProcess(index, nodeId, controlPort, logPath, process, startedAt);
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

    /// <summary>Resident set size (VmRSS) in bytes; 0 once the process is gone.</summary>
    public long ResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>User plus system CPU time so far; zero once the process is gone.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Crash();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (!_process.HasExited && Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({signal}) of {NodeId} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
