namespace MeshActors.Cli.Demo;

/// <summary>What the operator asks the demo to do.</summary>
internal enum DemoVerb
{
    /// <summary>Crash a node: SIGKILL, no goodbye; the others must detect it.</summary>
    Kill,

    /// <summary>Start a stopped node again, with the same id, ports and data folder.</summary>
    Restart,

    /// <summary>Stop a node gracefully: SIGTERM, it announces that it leaves.</summary>
    Leave,

    /// <summary>Stop every node and end the demo.</summary>
    Quit,
}
