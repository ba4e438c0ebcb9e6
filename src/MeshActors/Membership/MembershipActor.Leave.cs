using MeshActors.Actors;
using MeshActors.Diagnostics;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Membership;

/// <summary>Graceful leave: mark this node left, tell the live members directly, count the
/// acknowledgements.</summary>
internal sealed partial class MembershipActor
{
    /// <summary>Marks this node left, tells the live members directly (as requests, so each
    /// answers) and replies with how many acknowledged once all answered or timed out.</summary>
    private void OnLeave(Protocol.Leave leave)
    {
        if (_leave is not null)
        {
            _leave.Waiting.Add(leave.ReplyTo);
            return;
        }

        _state = State.Leaving;
        var self = _table.Self;
        var previous = self.Status;
        self = _table.SetSelf(MemberStatus.Left, self.Incarnation, self.Metadata, Now);
        CountStatus(previous, -1);
        CountStatus(MemberStatus.Left, +1);
        Emit(MemberEventKind.Left, self);
        var notice = MemberUpdate.Of(self, SelfId);
        Broadcast(notice);
        var recipients = RandomMembers(MaxLeaveNotices, m => m.IsLive).Select(m => m.Address).ToList();
        _leave = new LeaveProgress(recipients.Count) { Waiting = { leave.ReplyTo } };
        var gossip = new SwimGossip();
        gossip.Updates.Add(MemberWire.ToRecord(notice));
        var me = Context.Self;
        var log = Context.Log;
        foreach (var to in recipients)
        {
            _options.Stats.MessagesSent++;
            Transport.RequestAsync(to, gossip, _settings.LeaveTimeout).ContinueWith(
                t =>
                {
                    if (!t.IsCompletedSuccessfully)
                    {
                        MeshLog.LeaveNotAcknowledged(log, to.ToString(), t.Exception?.InnerException?.Message ?? "cancelled");
                    }

                    me.Tell(new LeaveAnswered(t.IsCompletedSuccessfully));
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        FinishLeaveIfDone();
    }

    private void OnLeaveAnswered(bool acknowledged)
    {
        if (_leave is null)
        {
            return;
        }

        _leave.Outstanding--;
        _leave.Acknowledged += acknowledged ? 1 : 0;
        FinishLeaveIfDone();
    }

    private void FinishLeaveIfDone()
    {
        if (_leave is not { Outstanding: <= 0 } leave || leave.Finished)
        {
            return;
        }

        leave.Finished = true;
        MeshLog.Left(Context.Log, leave.Notified, leave.Acknowledged);
        foreach (var waiting in leave.Waiting)
        {
            waiting.Tell(leave.Acknowledged);
        }

        leave.Waiting.Clear();
    }

    private LeaveProgress? _leave;
}
