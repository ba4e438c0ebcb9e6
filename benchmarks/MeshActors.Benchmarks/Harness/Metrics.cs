namespace MeshActors.Benchmarks.Harness;

/// <summary>The figures the comparison reports, in table order.</summary>
internal static class Metrics
{
    public const string FullView = "full view: last launch → all N list N up (s)";
    public const string JoinerAnswers = "extra node: launch → its /control/members answers (s)";
    public const string Join = "extra node: launch → up at all (s)";
    public const string Leave = "graceful leave → removed at all (s)";
    public const string CrashUnreachable = "crash → unreachable at all (s)";
    public const string CrashRemoved = "crash → removed at all (s)";
    public const string IdleRss = "idle RSS per node (MiB)";
    public const string IdleCpu = "idle CPU per node (% of a core)";

    public static readonly string[] InOrder = [FullView, JoinerAnswers, Join, Leave, CrashUnreachable, CrashRemoved, IdleRss, IdleCpu];
}
