using System.Diagnostics;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>A child process (a python3-zeroconf peer, avahi, dbus) whose output lines the test
/// waits on with a deadline; killed by its PID on dispose.</summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _changed = new(0);

    public PeerProcess(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data is null ? null : "stderr: " + e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Description = file + " " + string.Join(' ', start.ArgumentList);
    }

    /// <summary>The command line, for failure messages.</summary>
    public string Description { get; }

    /// <summary>Every line printed so far (stdout, and stderr prefixed).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits until a printed line satisfies <paramref name="match"/>; throws with the output so far after <paramref name="deadline"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan deadline)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var found = Lines.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - stopwatch.Elapsed;
            if (left <= TimeSpan.Zero || (_process.HasExited && !await _changed.WaitAsync(TimeSpan.FromMilliseconds(200))))
            {
                throw new TimeoutException($"{Description} printed no matching line within {deadline} (exited: {_process.HasExited}); output:\n{string.Join('\n', Lines)}");
            }

            await _changed.WaitAsync(left);
        }
    }

    /// <summary>Writes a line to the process's standard input.</summary>
    public Task WriteLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>Kills the process (and its children) by PID.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        _changed.Release();
    }
}
