namespace MeshActors.Cli.Demo;

/// <summary>Where a demo node's process is in its life.</summary>
internal enum DemoNodeState
{
    /// <summary>Not started yet.</summary>
    NotStarted,

    /// <summary>The process runs.</summary>
    Running,

    /// <summary>SIGTERM sent by "leave"; the node is announcing that it leaves.</summary>
    Leaving,

    /// <summary>Exited after "leave".</summary>
    Left,

    /// <summary>SIGKILL sent by "kill" (crashed on purpose).</summary>
    Killed,

    /// <summary>SIGTERM sent because the demo stops.</summary>
    Stopping,

    /// <summary>Exited because the demo stops.</summary>
    Stopped,

    /// <summary>Exited on its own: a failure (see its log).</summary>
    Exited,
}
