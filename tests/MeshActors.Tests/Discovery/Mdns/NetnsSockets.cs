using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>Runs code with the calling thread inside a network namespace (libc <c>setns</c>), so
/// sockets the in-process provider creates live there; and the guard that multicast never starts
/// in the root namespace, whose default route leaves the machine.</summary>
internal static class NetnsSockets
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>Runs <paramref name="action"/> on a dedicated thread switched into namespace
    /// <paramref name="name"/>; the thread switches back before it ends.</summary>
    public static T RunInside<T>(string name, Func<T> action)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var home = File.OpenHandle("/proc/thread-self/ns/net");
                using var target = File.OpenHandle("/var/run/netns/" + name);
                Enter(target.DangerousGetHandle(), name);
                try
                {
                    AssertNotRootNamespace();
                    result = action();
                }
                finally
                {
                    Enter(home.DangerousGetHandle(), "the test's own namespace");
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return result!;
    }

    /// <summary>Throws unless the calling thread is in a network namespace other than the test
    /// process's own (its main thread's, <c>/proc/self/ns/net</c>), which has the machine's default route.</summary>
    public static void AssertNotRootNamespace()
    {
        var mine = new FileInfo("/proc/thread-self/ns/net").LinkTarget;
        var process = new FileInfo("/proc/self/ns/net").LinkTarget;
        if (mine is null || process is null || mine == process)
        {
            throw new InvalidOperationException($"refusing to open a multicast socket in the test process's own network namespace ({mine}); mDNS tests run only inside a namespace they created");
        }
    }

    private static void Enter(IntPtr fd, string what)
    {
        if (SetNs((int)fd, CloneNewNet) != 0)
        {
            throw new InvalidOperationException($"setns into {what} failed with errno {Marshal.GetLastPInvokeError()} (tests need root)");
        }
    }

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNs(int fd, int nstype);
}
