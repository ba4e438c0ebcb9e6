namespace MeshActors.Diagnostics;

/// <summary>Where audit events go. The default writes them to the <c>MeshActors.Audit</c> log category.</summary>
public interface IAuditSink
{
    /// <summary>Records one event; must not throw and must not block for long.</summary>
    void Write(AuditEvent auditEvent);
}
