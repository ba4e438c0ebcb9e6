namespace MeshActors.Simulation;

/// <summary>Whether a simulated node runs.</summary>
public enum SimulatedNodeState
{
    /// <summary>Actors run, timers fire, messages arrive.</summary>
    Running,

    /// <summary>Stalled (like a long GC pause): nothing runs, and timers and messages wait until it resumes.</summary>
    Paused,

    /// <summary>Gone: its actors and their state are lost, messages to it are dropped.</summary>
    Crashed,
}
