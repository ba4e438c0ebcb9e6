namespace MeshActors.Diagnostics;

/// <summary>
/// An audit sink that can be created before logging exists (TLS is set up before the
/// ActorSystem, logging after it): events are kept, up to 1,000, until <see cref="Attach"/>
/// gives the real sink, then passed on.
/// </summary>
public sealed class DeferredAuditSink : IAuditSink
{
    private readonly Lock _gate = new();
    private readonly Queue<AuditEvent> _early = new();
    private IAuditSink? _inner;

    /// <summary>Every event, from now on and those kept so far, goes to <paramref name="inner"/>.</summary>
    public void Attach(IAuditSink inner)
    {
        lock (_gate)
        {
            _inner = inner;
            while (_early.TryDequeue(out var e))
            {
                inner.Write(e);
            }
        }
    }

    /// <inheritdoc />
    public void Write(AuditEvent auditEvent)
    {
        lock (_gate)
        {
            if (_inner is not null)
            {
                _inner.Write(auditEvent);
            }
            else if (_early.Count < 1_000)
            {
                _early.Enqueue(auditEvent);
            }
        }
    }
}
