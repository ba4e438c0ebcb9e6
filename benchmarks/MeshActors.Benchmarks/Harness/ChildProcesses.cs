using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MeshActors.Benchmarks.Harness;

/// <summary>
/// Every process the harness starts, killed (SIGKILL) when the harness exits, however it exits:
/// normally, on an exception, on Ctrl-C, SIGTERM or SIGHUP.
/// </summary>
internal static class ChildProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private static readonly List<PosixSignalRegistration> Signals = [];

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            Signals.Add(PosixSignalRegistration.Create(signal, _ => KillAll()));
        }
    }

    public static void Add(Process process) => Running[process.Id] = process;

    public static void Remove(Process process) => Running.TryRemove(process.Id, out _);

    public static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // already gone
            }
        }

        Running.Clear();
    }
}
