using System.Collections.Immutable;
using Akka.Actor;
using MeshActors.Diagnostics;
using MeshActors.Views.Pex;
using MeshActors.Views.Wire;

namespace MeshActors.Views.Overlay;

/// <summary>
/// <c>/user/mesh/pex</c>: answers peer-exchange requests that reach the view manager. Each
/// requester is answered at most once per <c>pex.min-interval</c> (after a small burst), with at
/// most <c>pex.max-answer</c> peers, only peers that were authenticated links of this node, with
/// last-seen and score hints (<see cref="PexPolicy"/>). A refused request is counted and answered
/// with an empty, refused response, never with more bytes than it cost the requester.
/// </summary>
internal sealed class PexResponder : ReceiveActor
{
    private readonly OverlayPeer _self;
    private ImmutableArray<PexCandidate> _candidates = [];
    private ImmutableHashSet<string> _banned = [];

    public PexResponder(OverlayPeer self, OverlayOptions options, ViewMetrics metrics, IAuditSink audit, TimeProvider time)
    {
        _self = self;
        var limiter = PexRequestLimiter.Empty(options.Pex);
        Receive<Candidates>(c => (_candidates, _banned) = (c.Peers, c.Banned));
        Receive<PexRequest>(request =>
        {
            var now = time.GetUtcNow();
            (var allowed, limiter) = limiter.TryAdmit(request.From.NodeId, now);
            if (!allowed)
            {
                metrics.PexRequests.WithLabels("refused").Inc();
                audit.Write(new AuditEvent("overlay.pex-refused", now, request.From.NodeId, request.From.Address, "RateLimited", $"more than {options.Pex.RequestBurst} requests, then one per {options.Pex.RequestInterval.TotalSeconds:0.#}s"));
                Sender.Tell(new PexResponse(_self, [], Refused: true));
                return;
            }

            metrics.PexRequests.WithLabels("served").Inc();
            var entries = PexPolicy.Answer(_self, request.From, request.Max, _candidates, _banned.Contains, options.Pex, now);
            Sender.Tell(new PexResponse(_self, entries, Refused: false));
        });
    }

    /// <summary>The peers this node may offer: its active and passive views, with hints.</summary>
    /// <param name="Peers">The candidates.</param>
    /// <param name="Banned">The node ids banned now.</param>
    public sealed record Candidates(ImmutableArray<PexCandidate> Peers, ImmutableHashSet<string> Banned);
}
