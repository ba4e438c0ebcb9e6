using MeshActors.Configuration;

namespace MeshActors.Tests.Configuration;

/// <summary>Where files are looked for, what relative paths inside them mean, and how errors name them.</summary>
public sealed class ConfigFilePathTests
{
    [Fact]
    public void A_relative_config_path_is_resolved_against_the_working_directory_and_named_absolutely()
    {
        using var folder = new TempConfigFolder();
        var file = folder.Write(Path.Combine("conf", "node.conf"), "meshactors.cluster.id = relative");

        var loaded = MeshConfigLoader.Load(new ConfigSources { Files = [Path.Combine("conf", "node.conf")], WorkingDirectory = folder.Root });

        loaded.Options.Cluster.Id.Should().Be("relative");
        loaded.Layers.OriginOf("meshactors.cluster.id").Should().Be(file).And.Match(p => Path.IsPathRooted(p));
    }

    [Fact]
    public void A_missing_config_file_names_the_absolute_path_tried()
    {
        using var folder = new TempConfigFolder();

        var act = () => MeshConfigLoader.Load(new ConfigSources { Files = [Path.Combine("nope", "missing.conf")], WorkingDirectory = folder.Root });

        var expected = Path.Combine(folder.Root, "nope", "missing.conf");
        act.Should().Throw<ConfigFileException>()
            .Where(e => e.Origin == expected)
            .WithMessage($"{expected}: the configuration file does not exist*");
    }

    [Fact]
    public void A_malformed_file_is_reported_as_absolute_path_line_and_column()
    {
        using var folder = new TempConfigFolder();
        var file = folder.Write("node.conf", "meshactors {\n  control {\n    port = 7071\n  }\n  node.id = \"x\n}\n");

        var act = () => MeshConfigLoader.Load(new ConfigSources { Files = ["node.conf"], WorkingDirectory = folder.Root });

        act.Should().Throw<ConfigFileException>().Which.Message.Should().Be($"{file}:5:13: a quoted string is not closed on its line");
    }

    [Fact]
    public void A_substitution_that_names_nothing_is_reported_against_the_file()
    {
        using var folder = new TempConfigFolder();
        var file = folder.Write("node.conf", "meshactors.node.id = ${meshactors.no.such.setting}\n");

        var act = () => MeshConfigLoader.Load(new ConfigSources { Files = [file] });

        act.Should().Throw<ConfigFileException>().Where(e => e.Origin == file).WithMessage("*meshactors.no.such.setting*");
    }

    [Fact]
    public void An_invalid_setting_in_a_file_names_the_file_it_was_set_in()
    {
        using var folder = new TempConfigFolder();
        var file = folder.Write("node.conf", "meshactors.control.port = 70000\n");

        var act = () => MeshConfigLoader.Load(new ConfigSources { Files = [file] });

        act.Should().Throw<ConfigValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ConfigError>(e => e.Path == "meshactors.control.port" && e.Origin == file && e.Problem.Contains("out of range"));
    }

    [Fact]
    public void Relative_certificate_paths_in_a_file_are_relative_to_that_files_folder()
    {
        using var folder = new TempConfigFolder();
        var file = folder.Write(Path.Combine("x", "y", "node.conf"), "meshactors.transport.tls { ca = \"certs/ca.crt\", cert = \"certs/node.crt\", key = \"certs/node.key\" }\nmeshactors.node.data-dir = state\n");

        var options = MeshConfigLoader.Load(new ConfigSources { Files = [file], WorkingDirectory = Path.Combine(folder.Root, "elsewhere") }).Options;

        var certs = Path.Combine(folder.Root, "x", "y", "certs");
        options.Transport.Tls.CaPath.Should().Be(Path.Combine(certs, "ca.crt"));
        options.Transport.Tls.CertPath.Should().Be(Path.Combine(certs, "node.crt"));
        options.Transport.Tls.KeyPath.Should().Be(Path.Combine(certs, "node.key"));
        options.Node.DataDir.Should().Be(Path.Combine(folder.Root, "x", "y", "state"));
    }

    [Fact]
    public void Relative_paths_set_outside_a_file_are_relative_to_the_working_directory()
    {
        using var folder = new TempConfigFolder();
        var file = folder.Write(Path.Combine("x", "y", "node.conf"), "meshactors.transport.tls.cert = \"certs/node.crt\"\n");

        var options = MeshConfigLoader.Load(new ConfigSources
        {
            Files = [file],
            Environment = new Dictionary<string, string> { ["MESHACTORS__TRANSPORT__TLS__KEY"] = "keys/node.key" },
            Overrides = ["meshactors.transport.tls.cert=\"certs/node.crt\"", "meshactors.transport.tls.ca=/etc/mesh/ca.crt"],
            WorkingDirectory = folder.Root,
        }).Options;

        options.Transport.Tls.CertPath.Should().Be(Path.Combine(folder.Root, "certs", "node.crt"), "--set overrides the file, and is not relative to it");
        options.Transport.Tls.KeyPath.Should().Be(Path.Combine(folder.Root, "keys", "node.key"));
        options.Transport.Tls.CaPath.Should().Be("/etc/mesh/ca.crt", "an absolute path stays as given");
        options.Node.DataDir.Should().Be(Path.Combine(folder.Root, "meshactors-data"), "the default is relative to the working directory");
    }
}
