using System.CommandLine;
using MeshActors.Cli.Commands;

namespace MeshActors.Cli;

/// <summary>The <c>meshctl</c> command tree, verbs close to Petabridge.Cmd's <c>pbm cluster …</c>.</summary>
public static class Meshctl
{
    /// <summary>Exit code for invalid input or configuration.</summary>
    public const int InvalidInput = 2;

    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand Build() => new("meshctl: inspect and steer a MeshActors cluster")
    {
        ConfigCommands.Build(),
        MembersCommand.Build(),
        DiscoveryCommands.BuildDiscovery(),
        DiscoveryCommands.BuildPeers(),
        DemoCommand.Build(),
        CertCommands.Build(),
        ShardsCommand.Build(),
        LeadersCommand.Build(),
        ViewsCommand.Build(),
        EventsCommand.Build(),
    };
}
