using MeshActors.Configuration;

namespace MeshActors.Hosting;

/// <summary>Options for <see cref="MeshActorsAkkaExtensions.WithMeshActors(Akka.Hosting.AkkaConfigurationBuilder, Action{MeshActorsSetup}?)"/>.
/// Everything is optional: by default settings come from reference.conf, the application's HOCON
/// (added with <c>AddHocon</c> before this call) and <c>MESHACTORS__…</c> environment variables.</summary>
public sealed class MeshActorsSetup
{
    /// <summary>Configuration files, in order (later wins); relative paths against <see cref="ConfigSources.WorkingDirectory"/>.</summary>
    public List<string> ConfigFiles { get; } = [];

    /// <summary><c>path=value</c> overrides, applied last.</summary>
    public List<string> Overrides { get; } = [];

    /// <summary>The environment variables to read; null: the process's own.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; set; }

    /// <summary>An already loaded configuration; when set, the other properties are not used.</summary>
    public LoadedConfig? Config { get; set; }

    /// <summary>The clock (certificate dates, metadata timestamps); <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>A node made beforehand by <c>AddMeshActors</c> (which starts its control endpoint before the ActorSystem).</summary>
    internal MeshNode? Node { get; set; }

    internal ConfigSources Sources => new()
    {
        Files = [.. ConfigFiles],
        Overrides = [.. Overrides],
        Environment = Environment ?? ConfigSources.ProcessEnvironment(),
    };
}
