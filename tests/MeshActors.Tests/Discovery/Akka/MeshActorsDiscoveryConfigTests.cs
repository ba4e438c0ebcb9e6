using Akka.Discovery;
using MeshActors.Discovery.Akka;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>The shipped HOCON: every method registered with a class that Akka.Discovery can load, every setting documented.</summary>
public sealed class MeshActorsDiscoveryConfigTests
{
    [Fact]
    public void The_embedded_HOCON_is_the_one_in_the_repository()
    {
        MeshActorsDiscoveryConfig.Hocon.Should().Be(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "hocon", "akka-discovery.conf")));
    }

    [Fact]
    public void Every_method_is_registered_with_a_ServiceDiscovery_class_and_nothing_else_is()
    {
        var discovery = MeshActorsDiscoveryConfig.Default.GetConfig("akka.discovery");

        discovery.Root.GetObject().Items.Keys.Should().BeEquivalentTo(MeshActorsDiscoveryConfig.Methods);
        foreach (var method in MeshActorsDiscoveryConfig.Methods)
        {
            var type = Type.GetType(discovery.GetString(method + ".class"), throwOnError: true)!;
            type.Should().BeAssignableTo<ServiceDiscovery>();
            type.GetField("MethodName")!.GetValue(null).Should().Be(method);
            type.GetConstructor([typeof(global::Akka.Actor.ExtendedActorSystem)]).Should().NotBeNull();
            type.GetConstructor([typeof(global::Akka.Actor.ExtendedActorSystem), typeof(global::Akka.Configuration.Config)]).Should().NotBeNull();
        }
    }

    [Fact]
    public void Every_setting_is_documented_with_a_comment_above_it()
    {
        var lines = MeshActorsDiscoveryConfig.Hocon.Split('\n').Select(l => l.Trim()).ToArray();
        var undocumented = lines.Select((line, i) => (line, i))
            .Where(l => l.line.Contains('=') && !l.line.StartsWith('#') && !lines[l.i - 1].StartsWith('#'))
            .Select(l => $"line {l.i + 1}: {l.line}");

        undocumented.Should().BeEmpty();
    }
}
