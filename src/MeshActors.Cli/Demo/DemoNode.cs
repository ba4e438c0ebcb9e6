using System.Diagnostics;

namespace MeshActors.Cli.Demo;

/// <summary>
/// One node of the demo as a real process. Its output goes to <c>node-N.log</c> in the demo folder;
/// the last lines are kept to explain an unexpected exit. The start information is asked for at
/// every start, so a restart can join through whichever nodes run at that moment.
/// </summary>
internal sealed class DemoNode(int number, string meshAddress, Uri controlEndpoint, string logPath, Func<(ProcessStartInfo Info, string HowItJoins)> startInfo)
{
    private readonly Lock _gate = new();
    private readonly Queue<string> _lastLines = new();
    private Process? _process;
    private Task _exited = Task.CompletedTask;

    /// <summary>Called after the process has exited and its output is drained.</summary>
    public event Action<DemoNode>? Exited;

    public int Number => number;

    public string NodeId => $"node-{number}";

    public Uri ControlEndpoint => controlEndpoint;

    public string LogPath => logPath;

    public DemoNodeState State { get; private set; }

    public int? ExitCode { get; private set; }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return State == DemoNodeState.Running;
            }
        }
    }

    /// <summary>Whether there is a live process (running, or on its way out).</summary>
    public bool HasProcess
    {
        get
        {
            lock (_gate)
            {
                return _process is not null;
            }
        }
    }

    /// <summary>The last output lines, for a failure message.</summary>
    public string LastLines
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _lastLines);
            }
        }
    }

    /// <summary>The process column of the demo's table.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return State switch
            {
                DemoNodeState.NotStarted => "not started",
                DemoNodeState.Running => $"running, pid {_process?.Id}",
                DemoNodeState.Leaving => "leaving (SIGTERM sent)",
                DemoNodeState.Left => "left, process ended",
                DemoNodeState.Killed when _process is not null => "killed (SIGKILL sent)",
                DemoNodeState.Killed => "killed, process ended",
                DemoNodeState.Stopping => "stopping",
                DemoNodeState.Stopped => "stopped",
                _ => $"exited with code {ExitCode}",
            };
        }
    }

    /// <summary>Starts the process; false (with the reason) when it already runs or cannot start.</summary>
    public bool Start(out string outcome)
    {
        lock (_gate)
        {
            if (_process is not null)
            {
                outcome = $"{NodeId} is still running (pid {_process.Id}); kill it (k {number}) or let it leave (l {number}) first";
                return false;
            }

            var (info, howItJoins) = startInfo();
            var process = new Process { StartInfo = info };
            var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
            process.OutputDataReceived += (_, e) => Append(log, e.Data);
            process.ErrorDataReceived += (_, e) => Append(log, e.Data);
            try
            {
                process.Start();
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                log.Dispose();
                process.Dispose();
                outcome = $"{NodeId} could not start: {ex.Message}";
                return false;
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
            State = DemoNodeState.Running;
            ExitCode = null;
            _exited = WatchExitAsync(process, log);
            outcome = $"{NodeId} started (pid {process.Id}): mesh {meshAddress}, control {controlEndpoint}, {howItJoins}";
            return true;
        }
    }

    /// <summary>SIGKILL: the node crashes without a word to the others.</summary>
    public bool Kill(out string outcome)
    {
        lock (_gate)
        {
            // A node still busy leaving may be killed too: that is a crash during a graceful stop.
            if (_process is null || State is not (DemoNodeState.Running or DemoNodeState.Leaving))
            {
                outcome = $"{NodeId} is not running ({Describe()})";
                return false;
            }

            State = DemoNodeState.Killed;
            KillNow();
            outcome = $"killed {NodeId} (SIGKILL to pid {_process.Id}); the others should mark it unreachable, then the split-brain resolver downs it and it is removed";
            return true;
        }
    }

    /// <summary>SIGTERM: the node tells the others it leaves, then exits.</summary>
    public bool Leave(out string outcome)
    {
        lock (_gate)
        {
            if (_process is null || State != DemoNodeState.Running)
            {
                outcome = $"{NodeId} is not running ({Describe()})";
                return false;
            }

            if (!PosixSignals.Terminate(_process.Id, out var errno))
            {
                outcome = $"could not send SIGTERM to {NodeId} (pid {_process.Id}): errno {errno}";
                return false;
            }

            State = DemoNodeState.Leaving;
            outcome = $"{NodeId} is leaving (SIGTERM to pid {_process.Id}); Akka moves it through leaving and exiting to removed";
            return true;
        }
    }

    /// <summary>Asks a running node to stop gracefully because the demo ends.</summary>
    public void RequestStop()
    {
        lock (_gate)
        {
            if (_process is not null && State == DemoNodeState.Running)
            {
                State = DemoNodeState.Stopping;
                PosixSignals.Terminate(_process.Id, out _);
            }
        }
    }

    /// <summary>SIGKILL whatever process is left; safe to call at any time, also from a process-exit handler.</summary>
    public void KillNow()
    {
        lock (_gate)
        {
            try
            {
                _process?.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>Completes when the current process (if any) has exited and its output is written.</summary>
    public Task WaitForExitAsync()
    {
        lock (_gate)
        {
            return _exited;
        }
    }

    private async Task WatchExitAsync(Process process, StreamWriter log)
    {
        // Returns once the process has exited and both output streams are drained.
        await process.WaitForExitAsync().ConfigureAwait(false);
        lock (_gate)
        {
            ExitCode = process.ExitCode;
            State = State switch
            {
                DemoNodeState.Leaving => DemoNodeState.Left,
                DemoNodeState.Killed => DemoNodeState.Killed,
                DemoNodeState.Stopping => DemoNodeState.Stopped,
                _ => DemoNodeState.Exited,
            };
            _process = null;
            process.Dispose();
            log.Dispose();
        }

        Exited?.Invoke(this);
    }

    private void Append(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            log.WriteLine(line);
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 3)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
