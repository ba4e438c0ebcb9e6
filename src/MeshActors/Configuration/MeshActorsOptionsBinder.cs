using MeshActors.Actors;
using MeshActors.Configuration.Hocon;
using Microsoft.Extensions.Logging;

namespace MeshActors.Configuration;

/// <summary>Turns a resolved configuration tree into <see cref="MeshActorsOptions"/>, checking every
/// setting and reporting all problems at once.</summary>
public static class MeshActorsOptionsBinder
{
    /// <summary>Reads and validates <c>meshactors.*</c> from <paramref name="root"/>.</summary>
    /// <exception cref="ConfigValidationException">One or more settings are invalid; all are listed.</exception>
    public static MeshActorsOptions Bind(HoconObject root)
    {
        var r = new ConfigReader(root);
        const string portFix = "set a TCP port from 1 to 65535, or 0 to pick a free one";
        var options = new MeshActorsOptions
        {
            Node = new NodeOptions
            {
                Id = r.Identifier("meshactors.node.id", "use letters, digits, '-', '_' or '.', or leave it empty to generate one", allowEmpty: true),
                DataDir = r.String("meshactors.node.data-dir", "set a folder path such as \"meshactors-data\""),
            },
            Cluster = new ClusterOptions
            {
                Id = r.Identifier("meshactors.cluster.id", "use letters, digits, '-', '_' or '.', e.g. \"payments-prod\"", allowEmpty: false),
            },
            Control = new EndpointOptions
            {
                Enabled = r.Bool("meshactors.control.enabled", "set true or false"),
                Host = r.Host("meshactors.control.host"),
                Port = (int)r.Long("meshactors.control.port", 0, 65535, portFix),
            },
            Transport = new EndpointOptions
            {
                Host = r.Host("meshactors.transport.host"),
                Port = (int)r.Long("meshactors.transport.port", 0, 65535, portFix),
            },
            Actors = new ActorOptions
            {
                Throughput = (int)r.Long("meshactors.actors.throughput", 1, 10_000, "set a whole number from 1 to 10000; 32 is a good start"),
                Supervision = new SupervisionStrategy
                {
                    MinBackoff = r.Duration("meshactors.actors.supervision.min-backoff", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), "set a duration such as 100ms"),
                    MaxBackoff = r.Duration("meshactors.actors.supervision.max-backoff", TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1), "set a duration such as 10s"),
                    RandomFactor = r.Double("meshactors.actors.supervision.random-factor", 0, 1, "set a fraction from 0 to 1, e.g. 0.2"),
                    ResetAfter = r.Duration("meshactors.actors.supervision.reset-after", TimeSpan.Zero, TimeSpan.FromDays(1), "set a duration such as 30s"),
                },
            },
            ShutdownTimeout = r.Duration("meshactors.shutdown.timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10), "set a duration such as 5s"),
            LogLevel = r.Enum("meshactors.logging.level", LogLevel.Information),
        };

        if (options.Actors.Supervision.MinBackoff > options.Actors.Supervision.MaxBackoff)
        {
            r.Add("meshactors.actors.supervision.min-backoff", $"{options.Actors.Supervision.MinBackoff} is above max-backoff ({options.Actors.Supervision.MaxBackoff})", "make min-backoff at most max-backoff");
        }

        if (options.Control.Enabled && options.Control.Port != 0 && options.Control.Port == options.Transport.Port)
        {
            r.Add("meshactors.control.port", $"{options.Control.Port} is also meshactors.transport.port", "give the control plane and the mesh transport different ports");
        }

        return r.Errors.Count == 0 ? options : throw new ConfigValidationException(r.Errors);
    }
}
