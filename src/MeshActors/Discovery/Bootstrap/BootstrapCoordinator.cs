using MeshActors.Actors;
using MeshActors.Diagnostics;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>
/// Decides whom this node joins (Akka Management's BootstrapCoordinator is the model). It merges
/// the providers' contact points (<see cref="ContactOrder"/>), probes them with a
/// <see cref="BootstrapQuery"/> — in order, with jitter and a per-address backoff
/// (<see cref="DialBackoff"/>) — and hands what it learned to <see cref="JoinDecision"/>. It then
/// tells membership to join or form. Once in the cluster it keeps checking the contact points
/// every heal-interval and introduces members of this cluster that membership does not know.
/// </summary>
internal sealed partial class BootstrapCoordinator : Actor<BootstrapCoordinator.Protocol.Message>
{
    private readonly BootstrapCoordinatorOptions _options;
    private readonly BootstrapOptions _settings;
    private readonly Dictionary<string, (DiscoveryTier Tier, IReadOnlyList<ContactPoint> Points)> _found = new(StringComparer.Ordinal);
    private readonly Dictionary<NodeAddress, ContactPoint> _manual = [];
    private readonly HashSet<string> _pendingFirstRuns;
    private Dictionary<NodeAddress, Contact> _contacts = [];
    private List<NodeAddress> _dialOrder = [];
    private HashSet<string> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _seenSince;
    private BootstrapState _state = BootstrapState.Seeking;
    private BootstrapVerdict _last = BootstrapVerdict.Wait("starting");
    private BootstrapVerdict? _decision;
    private DateTimeOffset? _decidedAt;
    private TimeSpan? _upAfter;
    private DateTimeOffset _lastWaitLog = DateTimeOffset.MinValue;

    public BootstrapCoordinator(BootstrapCoordinatorOptions options)
    {
        _options = options;
        _settings = options.Settings;
        _pendingFirstRuns = new HashSet<string>(options.Providers, StringComparer.Ordinal);
    }

    private DateTimeOffset Now => Context.Time.GetUtcNow();

    private NodeAddress SelfAddress => _options.Transport.LocalAddress;

    protected override void PreStart()
    {
        _seenSince = Now;
        Context.Timers.StartPeriodic(ProbeTick.Instance, ProbeTick.Instance, _settings.ProbeInterval);
        Evaluate();
    }

    protected override void Handle(Protocol.Message message)
    {
        switch (message)
        {
            case Protocol.Found { Result: var found }:
                if (found.ContactPoints is { } points)
                {
                    _found[found.Provider] = (found.Tier, points);
                }

                _pendingFirstRuns.Remove(found.Provider);
                Rebuild();
                Evaluate();
                DialDue(ignoreSchedule: false);
                break;
            case Protocol.AddManual { Point: var point } added:
                _manual[point.Address] = point;
                Rebuild();
                if (_contacts.TryGetValue(point.Address, out var manual) && !manual.InFlight)
                {
                    manual.Failures = 0;
                    manual.Dialled = true;
                    manual.InFlight = true;
                    OnAnswered(new Answered(point.Address, added.Answer, added.Answer is null ? added.Error ?? "no answer" : null));
                }

                break;
            case Protocol.RemoveManual remove:
                var removed = _manual.Values.Where(p => p.NodeId == remove.Key || p.Address.ToString() == remove.Key || _contacts.GetValueOrDefault(p.Address)?.Answer?.NodeId == remove.Key).ToList();
                removed.ForEach(p => _manual.Remove(p.Address));
                Rebuild();
                Publish();
                remove.ReplyTo.Tell(removed.Count > 0);
                break;
            case Protocol.MembershipUp:
                OnUp();
                break;
            case ProbeTick:
                DialDue(ignoreSchedule: false);
                Evaluate();
                break;
            case HealTick:
                DialDue(ignoreSchedule: true);
                break;
            case Dial dial:
                Probe(dial.Address);
                break;
            case Answered answered:
                OnAnswered(answered);
                break;
        }
    }

    /// <summary>Rebuilds the contact list from every provider's latest points and the manual
    /// ones (the fallback seeds only when nothing else yields any), keeping each known
    /// address's probe state.</summary>
    private void Rebuild()
    {
        var all = _found.Where(f => f.Value.Tier != DiscoveryTier.Fallback).SelectMany(f => f.Value.Points.Select(p => (p, f.Value.Tier)))
            .Concat(_manual.Values.Select(p => (p, DiscoveryTier.Static))).ToList();
        if (all.Count == 0)
        {
            all = _found.Where(f => f.Value.Tier == DiscoveryTier.Fallback).SelectMany(f => f.Value.Points.Select(p => (p, f.Value.Tier))).ToList();
        }

        var merged = ContactOrder.Merge(all.Where(e => e.p.Address != SelfAddress), Context.Random);
        var contacts = new Dictionary<NodeAddress, Contact>();
        foreach (var (point, tier) in merged)
        {
            if (_contacts.TryGetValue(point.Address, out var known))
            {
                known.Point = point;
                known.Tier = tier;
                contacts[point.Address] = known;
            }
            else
            {
                contacts[point.Address] = new Contact(point, tier, Now);
                if (point.Fingerprint is { } fingerprint && point.Provider != "manual")
                {
                    try
                    {
                        _options.PinKey?.Invoke(point.Address, fingerprint);
                    }
                    catch (FormatException)
                    {
                        // A provider relayed a malformed fingerprint (mDNS TXT is anyone's to write): no pin.
                    }
                }
            }
        }

        _contacts = contacts;
        _dialOrder = merged.Select(m => m.Point.Address).ToList();
        UpdateSeen();
    }

    private void DialDue(bool ignoreSchedule)
    {
        if (_state == BootstrapState.Joined && !ignoreSchedule)
        {
            return;
        }

        var now = Now;
        foreach (var address in _dialOrder)
        {
            var contact = _contacts[address];
            if (contact.Self || contact.InFlight || (now < contact.NextDial && (!ignoreSchedule || contact.Failures > 0)))
            {
                continue;
            }

            contact.InFlight = true;
            var jitter = contact.Dialled ? _settings.ProbeJitter * Context.Random.NextDouble() : TimeSpan.Zero;
            contact.Dialled = true;
            if (jitter > TimeSpan.Zero)
            {
                Context.Timers.StartSingle(("dial", address), new Dial(address), jitter);
            }
            else
            {
                Probe(address);
            }
        }
    }

    private void Probe(NodeAddress address)
    {
        var self = Context.Self;
        Task<Google.Protobuf.IMessage> request;
        try
        {
            request = _options.Transport.RequestAsync(address, new BootstrapQuery { FromAddress = SelfAddress.ToString() }, _settings.ProbeTimeout);
        }
        catch (Exception ex)
        {
            request = Task.FromException<Google.Protobuf.IMessage>(ex);
        }

        request.ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully
                ? t.Result is BootstrapInfo info ? new Answered(address, info, null) : new Answered(address, null, $"answered with {t.Result.Descriptor.Name}, not a BootstrapInfo")
                : new Answered(address, null, t.Exception?.GetBaseException().Message ?? "cancelled")),
            TaskContinuationOptions.ExecuteSynchronously);
    }
}
