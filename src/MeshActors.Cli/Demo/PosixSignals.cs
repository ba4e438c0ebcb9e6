using System.Runtime.InteropServices;

namespace MeshActors.Cli.Demo;

/// <summary>Sends SIGTERM the way an orchestrator stops a process; .NET's Process.Kill only sends SIGKILL.</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM to <paramref name="pid"/>; false (with errno) when it could not be sent.</summary>
    public static bool Terminate(int pid, out int errno)
    {
        var sent = Kill(pid, SigTerm) == 0;
        errno = sent ? 0 : Marshal.GetLastPInvokeError();
        return sent;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
