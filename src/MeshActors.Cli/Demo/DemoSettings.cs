namespace MeshActors.Cli.Demo;

/// <summary>How the demo cluster is laid out: node n has mesh port BasePort+n-1 and control port BasePort+100+n-1.</summary>
internal sealed record DemoSettings(int Nodes, int BasePort, string Profile, string NodeDll)
{
    /// <summary>The cluster id every demo node and certificate carries.</summary>
    public const string ClusterId = "demo";

    /// <summary>Distance between a node's mesh port and its control port.</summary>
    public const int ControlPortOffset = 100;

    public int MeshPort(int node) => BasePort + node - 1;

    public int ControlPort(int node) => BasePort + ControlPortOffset + node - 1;
}
