using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace MeshActors.Node.Tests;

/// <summary>
/// A real child process whose output the test waits on, line by line, with deadlines — never sleeps.
/// Killed at dispose if still running, so a failed test leaves nothing behind.
/// </summary>
internal sealed partial class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private bool _disposed;

    private ChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append("out", e.Data);
        process.ErrorDataReceived += (_, e) => Append("err", e.Data);
        process.Exited += (_, _) => _changed.Release();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static TimeSpan DefaultDeadline { get; } = TimeSpan.FromSeconds(60);

    public int Id => _process.Id;

    /// <summary>Whether the process has exited (crashed, stopped or been killed).</summary>
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Starts <c>dotnet DLL ARGS</c>; with <paramref name="standardInput"/>, the test can write lines to it.
    /// With <paramref name="networkNamespace"/>, inside that namespace (<c>ip netns exec</c>, which execs
    /// dotnet in its own place, so <see cref="Id"/> and signals are still the node's).</summary>
    public static ChildProcess StartDotnet(string dll, IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null, bool standardInput = false, string? networkNamespace = null)
    {
        var info = new ProcessStartInfo(networkNamespace is null ? "dotnet" : "ip")
        {
            RedirectStandardInput = standardInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        if (networkNamespace is not null)
        {
            foreach (var arg in new[] { "netns", "exec", networkNamespace, "dotnet" })
            {
                info.ArgumentList.Add(arg);
            }
        }

        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MESHACTORS__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
    }

    /// <summary>How many lines the process has printed so far; pass it as <c>skip</c> to wait for a later line.</summary>
    public int LineCount
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    /// <summary>Waits for a line matching <paramref name="pattern"/>, among all but the first <paramref name="skip"/> lines, and returns its match.</summary>
    public async Task<Match> WaitForLineAsync(string pattern, TimeSpan? deadline = null, int skip = 0)
    {
        var regex = new Regex(pattern);
        using var cts = new CancellationTokenSource(deadline ?? DefaultDeadline);
        while (true)
        {
            if (FindLine(regex, skip) is { } match)
            {
                return match;
            }

            if (_process.HasExited && !_changed.Wait(0))
            {
                // Output events can still be in flight after the exit: wait until both streams
                // are drained, then give the lines one last look before calling it a failure.
                _process.WaitForExit();
                if (FindLine(regex, skip) is { } late)
                {
                    return late;
                }

                throw new InvalidOperationException($"Process exited ({_process.ExitCode}) before printing /{pattern}/. Output:\n{Output}");
            }

            try
            {
                await _changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No line matched /{pattern}/ within {(deadline ?? DefaultDeadline).TotalSeconds} s. Output:\n{Output}");
            }
        }
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? deadline = null)
    {
        using var cts = new CancellationTokenSource(deadline ?? DefaultDeadline);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Process {Id} still running after {(deadline ?? DefaultDeadline).TotalSeconds} s. Output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as an orchestrator stopping the node would.</summary>
    public void Terminate() => Signal(15, "SIGTERM");

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal would.</summary>
    public void Interrupt() => Signal(2, "SIGINT");

    /// <summary>Writes one line to the process's standard input (started with <c>standardInput: true</c>).</summary>
    public void SendLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    private void Signal(int signal, string name)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({name}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Sends SIGKILL: the process dies at once without a word to anyone, as in a crash.</summary>
    public void Crash()
    {
        if (Kill(_process.Id, 9) != 0)
        {
            throw new InvalidOperationException($"kill(SIGKILL) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Kills the process (and its children) if it still runs; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private Match? FindLine(Regex regex, int skip)
    {
        lock (_gate)
        {
            return _lines.Skip(skip).Select(line => regex.Match(line)).FirstOrDefault(m => m.Success);
        }
    }

    private void Append(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(stream == "err" ? "[stderr] " + line : line);
        }

        _changed.Release();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
