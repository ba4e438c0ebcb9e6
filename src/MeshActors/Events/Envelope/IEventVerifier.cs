namespace MeshActors.Events.Envelope;

/// <summary>Checks an event's signature against the key of the node it claims as its source.</summary>
public interface IEventVerifier
{
    /// <summary>Whether <paramref name="event"/> was signed by its source. Must not throw for any decoded event.</summary>
    SignatureVerdict Verify(MeshEvent @event);
}
