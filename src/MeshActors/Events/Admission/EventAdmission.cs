using MeshActors.Events.Envelope;

namespace MeshActors.Events.Admission;

/// <summary>
/// Decides whether a received envelope reaches the local handlers. The checks run cheapest first,
/// and the signature, the only costly one, runs last, so floods of duplicates, stale events and
/// uninteresting topics cost no public-key operation:
/// <list type="number">
/// <item>decoding failed → <c>oversized</c> (envelope or payload over the cap) or <c>malformed</c>;</item>
/// <item>no local subscription matches and this node does not relay the topic → <c>unknown-topic</c>;</item>
/// <item>timestamp before now − max age → <c>too-old</c>; after now + max skew → <c>from-the-future</c>;</item>
/// <item>event id in the seen-cache → <c>duplicate</c>;</item>
/// <item>(incarnation, sequence) already admitted, behind the window, or of an older incarnation → <c>replayed</c>;</item>
/// <item>signature does not verify with the source's certificate → <c>bad-signature</c>;</item>
/// <item>otherwise admit.</item>
/// </list>
/// A forged envelope that reuses a seen id or an old sequence is therefore counted as a duplicate or
/// a replay rather than a bad signature; either way it is dropped and changes no state.
/// </summary>
public static class EventAdmission
{
    /// <summary>The decision for <paramref name="decoded"/>; reads <paramref name="state"/> but does not change it.</summary>
    /// <param name="decoded">The decoder's result for the received envelope.</param>
    /// <param name="topicWanted">Whether a local subscription matches a topic, or this node relays it.</param>
    /// <param name="verifier">Checks the signature; called only when every other check passed.</param>
    /// <param name="state">The seen-cache and replay windows.</param>
    /// <param name="now">This node's clock.</param>
    /// <param name="settings">Maximum age and skew.</param>
    public static AdmissionDecision Decide(
        DecodeResult decoded,
        Func<string, bool> topicWanted,
        IEventVerifier verifier,
        AdmissionState state,
        DateTimeOffset now,
        AdmissionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(topicWanted);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(settings);
        if (!decoded.Succeeded)
        {
            var oversized = decoded.Failure is DecodeFailure.EnvelopeTooLarge or DecodeFailure.PayloadTooLarge;
            return AdmissionDecision.Drop(oversized ? DropReason.Oversized : DropReason.Malformed, $"{decoded.Failure}: {decoded.Detail}");
        }

        var e = decoded.Event;
        if (!topicWanted(e.Topic))
        {
            return AdmissionDecision.Drop(DropReason.UnknownTopic, $"no local subscription matches topic {e.Topic} and this node does not relay it");
        }

        if (e.Timestamp < now - settings.MaxAge)
        {
            return AdmissionDecision.Drop(DropReason.TooOld, $"event {e.Id} from {e.Source} was published at {e.Timestamp:O}, more than {settings.MaxAge} before {now:O}");
        }

        if (e.Timestamp > now + settings.MaxFutureSkew)
        {
            return AdmissionDecision.Drop(DropReason.FromTheFuture, $"event {e.Id} from {e.Source} is stamped {e.Timestamp:O}, more than {settings.MaxFutureSkew} after {now:O}");
        }

        if (state.Seen.Contains(e.Id))
        {
            return AdmissionDecision.Drop(DropReason.Duplicate, $"event {e.Id} from {e.Source} was already admitted");
        }

        var window = state.Windows.Get(e.Source);
        var sequence = window.Check(e.Incarnation, e.Sequence);
        if (sequence != SequenceVerdict.Fresh)
        {
            return AdmissionDecision.Drop(DropReason.Replayed, $"event {e.Id} from {e.Source} has incarnation {e.Incarnation} sequence {e.Sequence}: {sequence} (window: incarnation {window.Incarnation}, highest {window.Highest})");
        }

        var signature = verifier.Verify(e);
        return signature == SignatureVerdict.Valid
            ? AdmissionDecision.Admit
            : AdmissionDecision.Drop(DropReason.BadSignature, $"event {e.Id} from {e.Source}: {signature}");
    }

    /// <summary><see cref="Decide"/>, then <see cref="AdmissionState.Record"/> when admitted: what the receiving actor calls.</summary>
    public static AdmissionDecision Admit(
        DecodeResult decoded,
        Func<string, bool> topicWanted,
        IEventVerifier verifier,
        AdmissionState state,
        DateTimeOffset now,
        AdmissionSettings settings)
    {
        var decision = Decide(decoded, topicWanted, verifier, state, now, settings);
        if (decision.Admitted)
        {
            state.Record(decoded.Event!);
        }

        return decision;
    }
}
