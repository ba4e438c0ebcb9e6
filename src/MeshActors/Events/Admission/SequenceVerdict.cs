namespace MeshActors.Events.Admission;

/// <summary>What a <see cref="SequenceWindow"/> says about an (incarnation, sequence) pair.</summary>
public enum SequenceVerdict
{
    /// <summary>Not seen before and inside or ahead of the window.</summary>
    Fresh,

    /// <summary>Already admitted.</summary>
    AlreadySeen,

    /// <summary>More than <see cref="SequenceWindow.Width"/> behind the highest sequence admitted; cannot be told from a replay.</summary>
    BehindWindow,

    /// <summary>From an incarnation older than the newest one admitted from that source.</summary>
    StaleIncarnation,
}
