using Google.Protobuf;
using MeshActors.Diagnostics;
using MeshActors.Transport;

namespace MeshActors.Membership;

/// <summary>What leaves the actor: sends with their counts, member events and status metrics.</summary>
internal sealed partial class MembershipActor
{
    private void Send(NodeAddress to, IMessage message, string type)
    {
        CountSent(message, type);
        Transport.Send(to, message);
    }

    private void CountSent(IMessage message, string type)
    {
        var size = message.CalculateSize();
        _options.Stats.MessagesSent++;
        _options.Stats.BytesSent += size;
        var tag = new KeyValuePair<string, object?>("type", type);
        MeshMetrics.GossipMessages.Add(1, tag);
        MeshMetrics.GossipBytes.Add(size, tag);
    }

    private void Emit(MemberEventKind kind, Member member)
    {
        if (kind != MemberEventKind.Up || member.NodeId != SelfId)
        {
            MeshLog.MemberChanged(Context.Log, member.NodeId, member.Address.ToString(), kind, member.Incarnation);
        }

        _options.Stats.OnEvent?.Invoke(kind, member);
        if (_options.Events.HasSubscribers)
        {
            _pendingEvents.Add(new MemberEvent(kind, member, _table.Version));
        }
    }

    private void FlushEvents()
    {
        if (_pendingEvents.Count == 0)
        {
            return;
        }

        _options.Events.Publish(new MembershipUpdate(_table.Snapshot(), _pendingEvents.ToArray()));
        _pendingEvents.Clear();
    }

    private void CountStatus(MemberStatus status, int delta)
    {
        if (MeshMetrics.Members.Enabled)
        {
            MeshMetrics.Members.Add(delta, new KeyValuePair<string, object?>("status", StatusTag(status)));
        }
    }

    private static string StatusTag(MemberStatus status) => status switch
    {
        MemberStatus.Alive => "alive",
        MemberStatus.Suspect => "suspect",
        MemberStatus.Dead => "dead",
        _ => "left",
    };
}
