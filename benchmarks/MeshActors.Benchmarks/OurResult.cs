using System.Globalization;
using static MeshActors.Benchmarks.MembershipCompare;

namespace MeshActors.Benchmarks;

/// <summary>Our side of one run; times are from the first process start unless named otherwise.</summary>
internal sealed record OurResult(
    TimeSpan FirstReady,
    TimeSpan LastReady,
    TimeSpan LastStart,
    TimeSpan FullViewAfterLastReady,
    TimeSpan FullViewAfterFirstStart,
    TimeSpan MembersAfterLastReady,
    TimeSpan CpuUntilFullView,
    int Refutations,
    TimeSpan Crash,
    TimeSpan Leave,
    TimeSpan? LeaverExited,
    int ListedLeft,
    int Remaining,
    long RssTotal,
    long RssMax,
    double CrashPhaseCores,
    TimeSpan MeanPollRound,
    JoinTimeline? Timeline,
    (TimeSpan Took, double Cores)? Settled)
{
    public string Describe()
    {
        const double MiB = 1024 * 1024;
        var exit = LeaverExited is { } e ? S(e) : "not within the deadline";
        var settled = Settled is { } w ? $"waited {S(w.Took)} for the nodes to settle (last {w.Cores:0.00} cores); " : string.Empty;
        var poll = MeanPollRound > TimeSpan.Zero ? $"; poll round {MeanPollRound.TotalMilliseconds:0} ms mean" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"ready: first {S(FirstReady)}, last {S(LastReady)} after the first process started (last started at {S(LastStart)}); " +
            $"full view {S(FullViewAfterLastReady)} after the last node was ready = {S(FullViewAfterFirstStart)} after the first process started " +
            $"(all N alive or suspect, as memberlist counts: {S(MembersAfterLastReady)} after the last ready; {Refutations} refuted suspicion(s) in the run; nodes used {CpuUntilFullView.TotalSeconds:0.0} CPU-s until then); " +
            $"{settled}crash seen dead by all {S(Crash)}; leave seen by all {S(Leave)} ({ListedLeft}/{Remaining} list it left; it exited after {exit}); " +
            $"RSS {RssTotal / MiB:0} MiB in all, {RssTotal / MiB / Math.Max(1, Remaining + 2):0} MiB mean, {RssMax / MiB:0} MiB max per node; " +
            $"nodes used {CrashPhaseCores:0.00} cores while the crash was detected{poll}");
    }
}
