using MeshActors.Diagnostics;
using MeshActors.Transport;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>Answers, the decision, and what follows it.</summary>
internal sealed partial class BootstrapCoordinator
{
    private static readonly TimeSpan WaitLogInterval = TimeSpan.FromSeconds(10);

    private void OnAnswered(Answered answered)
    {
        if (!_contacts.TryGetValue(answered.Address, out var contact))
        {
            return;
        }

        contact.InFlight = false;
        var now = Now;
        if (answered.Info is { } info)
        {
            MeshMetrics.BootstrapProbes.Add(1, new KeyValuePair<string, object?>("outcome", "answered"));
            contact.Failures = 0;
            contact.LastError = null;
            contact.Self = info.NodeId == _options.NodeId;
            var address = NodeAddress.TryParse(info.Address, out var advertised, out _) ? advertised : answered.Address;
            var seeds = info.SeedAddresses.Select(s => NodeAddress.TryParse(s, out var a, out _) ? a : (NodeAddress?)null).OfType<NodeAddress>().ToList();
            contact.Answer = contact.Self ? null : new ContactAnswer(info.NodeId, address, info.Joined, seeds, contact.Point.Provider);
            contact.NextDial = now + (_state == BootstrapState.Joined ? _settings.HealInterval : _settings.ProbeInterval);
            if (_state == BootstrapState.Joined && info.Joined && !contact.Self)
            {
                _options.Membership.Introduce(address, info.NodeId);
            }
        }
        else
        {
            MeshMetrics.BootstrapProbes.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            contact.Failures++;
            contact.LastError = answered.Error;
            contact.Answer = null;
            contact.NextDial = now + DialBackoff.Delay(contact.Failures, _settings.BackoffMin, _settings.BackoffMax, Context.Random.NextDouble());
            MeshLog.BootstrapProbeFailed(Context.Log, answered.Address.ToString(), contact.Point.Provider, answered.Error ?? "no answer");
        }

        UpdateSeen();
        Evaluate();
    }

    private void UpdateSeen()
    {
        var seen = _contacts.Values.Where(c => c.Answer is not null).Select(c => c.Answer!.NodeId).ToHashSet(StringComparer.Ordinal);
        if (!seen.SetEquals(_seen))
        {
            _seen = seen;
            _seenSince = Now;
        }
    }

    private void Evaluate()
    {
        if (_state is BootstrapState.Seeking or BootstrapState.Joining)
        {
            var view = new BootstrapView
            {
                SelfId = _options.NodeId,
                SelfAddress = SelfAddress,
                Answers = _contacts.Values.Where(c => c.Answer is not null).Select(c => c.Answer!).ToList(),
                SeenSince = _seenSince,
                ContactPoints = _contacts.Values.Count(c => !c.Self),
                DiscoveryConfigured = _options.DiscoveryConfigured || _manual.Count > 0,
                FirstRunsDone = _pendingFirstRuns.Count == 0,
            };
            Act(JoinDecision.Decide(view, _settings, Now));
        }

        Publish();
    }

    private void Act(BootstrapVerdict verdict)
    {
        var previous = _last;
        _last = verdict;
        switch (verdict.Kind)
        {
            case BootstrapVerdictKind.Join when _state == BootstrapState.Seeking || !verdict.Seeds.SequenceEqual(_decision?.Seeds ?? []):
                MeshLog.BootstrapDecision(Context.Log, verdict.Kind, verdict.Reason);
                _state = BootstrapState.Joining;
                _decision = verdict;
                _decidedAt = Now;
                _options.Membership.JoinThrough(verdict.Seeds);
                break;
            case BootstrapVerdictKind.Form when _state == BootstrapState.Seeking:
                MeshLog.BootstrapDecision(Context.Log, verdict.Kind, verdict.Reason);
                _state = BootstrapState.Forming;
                _decision = verdict;
                _decidedAt = Now;
                _options.Membership.Form();
                break;
            case BootstrapVerdictKind.Wait when _state == BootstrapState.Seeking && (previous.Kind != BootstrapVerdictKind.Wait || Now - _lastWaitLog >= WaitLogInterval):
                _lastWaitLog = Now;
                MeshLog.BootstrapDecision(Context.Log, verdict.Kind, verdict.Reason);
                break;
        }
    }

    private void OnUp()
    {
        _state = BootstrapState.Joined;
        _upAfter = Now - _options.Board.StartedAt;
        MeshLog.BootstrapUp(Context.Log, _upAfter.Value, _decision?.Reason ?? "joined");
        Context.Timers.Cancel(ProbeTick.Instance);
        Context.Timers.StartPeriodic(HealTick.Instance, HealTick.Instance, _settings.HealInterval);
        Publish();
    }

    private void Publish() => _options.Board.Set(new BootstrapReport(
        _state,
        _state == BootstrapState.Joined ? _decision?.Reason ?? "joined" : _last.Reason,
        _decision,
        _decidedAt,
        _upAfter,
        _dialOrder.Select(a => _contacts[a].Status()).ToList()));
}
