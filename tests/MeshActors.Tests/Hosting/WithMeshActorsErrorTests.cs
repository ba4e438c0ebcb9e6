using Akka.Hosting;
using MeshActors.Configuration;
using MeshActors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Tests.Hosting;

/// <summary>Bad input to <c>WithMeshActors()</c> stops the host with an error that names the
/// setting and the fix, before the node joins anything.</summary>
public sealed class WithMeshActorsErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-embed-errors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_ActorSystem_not_named_after_the_cluster_id_is_refused_naming_both()
    {
        var act = () => StartAsync("payments", "meshactors.cluster.id=orders");

        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ConfigError>(e => e.Path == "meshactors.cluster.id" && e.Problem.Contains("\"orders\"") && e.Problem.Contains("\"payments\"") && e.Fix.Contains("AddAkka(\"orders\""));
    }

    [Fact]
    public async Task An_invalid_setting_is_refused_with_its_origin_and_fix()
    {
        var act = () => StartAsync("payments", "meshactors.cluster.id=payments", "meshactors.membership.profile=fast");

        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ConfigError>(e => e.Path == "meshactors.membership.profile" && e.Origin == "--set meshactors.membership.profile" && e.Fix.Contains("lan"));
    }

    private async Task StartAsync(string actorSystemName, params string[] overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(actorSystemName, akka => akka.WithMeshActors(setup =>
        {
            setup.Environment = new Dictionary<string, string>();
            setup.Overrides.AddRange(["meshactors.transport.tls.mode=insecure", "meshactors.transport.port=0", "meshactors.control.port=0", "meshactors.bootstrap.port=0", $"meshactors.node.data-dir=\"{_dir}\"", .. overrides]);
        }));
        using var host = builder.Build();
        await host.StartAsync(); // throws on bad input; stopping a host that never started throws too, hiding why
        await host.StopAsync();
    }
}
