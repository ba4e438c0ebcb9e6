using Microsoft.Extensions.Logging;

namespace MeshActors.Diagnostics;

/// <summary>Writes audit events as structured log entries (event id 4001, category <c>MeshActors.Audit</c>).</summary>
public sealed class LoggerAuditSink(ILoggerFactory loggerFactory) : IAuditSink
{
    private readonly ILogger _log = loggerFactory.CreateLogger("MeshActors.Audit");

    /// <inheritdoc />
    public void Write(AuditEvent auditEvent) =>
        MeshLog.Audit(_log, auditEvent.Kind, auditEvent.PeerNodeId ?? "-", auditEvent.PeerAddress ?? "-", auditEvent.Reason ?? "-", auditEvent.Detail);
}
