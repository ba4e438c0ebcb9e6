using MeshActors.Actors;

namespace MeshActors.Tests.Actors;

/// <summary>Small actors the kernel tests drive.</summary>
internal static class TestActors
{
    public sealed record Add(int Amount);

    public sealed record Get(IActorRef<int> ReplyTo);

    public sealed record Boom(string Why);

    /// <summary>Counts with a non-atomic increment: lost updates would show concurrent handling.</summary>
    public sealed class Counter(List<string>? events = null) : Actor<object>
    {
        private int _total;

        protected override void PreStart() => events?.Add("start");

        protected override void PostStop() => events?.Add("stop");

        protected override void Handle(object message)
        {
            switch (message)
            {
                case Add add:
                    var seen = _total;
                    Thread.SpinWait(5);
                    _total = seen + add.Amount;
                    break;
                case Get get:
                    get.ReplyTo.Tell(_total);
                    break;
                case Boom boom:
                    throw new InvalidOperationException(boom.Why);
            }
        }
    }

    /// <summary>Records what happened to it, in order.</summary>
    public sealed class Recorder(List<string> log, string name) : Actor<string>
    {
        protected override void PreStart() => log.Add(name + ":start");

        protected override void PostStop() => log.Add(name + ":stop");

        protected override void Handle(string message)
        {
            if (message.StartsWith("spawn:", StringComparison.Ordinal))
            {
                var child = message["spawn:".Length..];
                Context.Spawn(child, () => new Recorder(log, child));
                return;
            }

            if (message.StartsWith("single:", StringComparison.Ordinal))
            {
                Context.Timers.StartSingle("t", "tick:" + message["single:".Length..], TimeSpan.FromSeconds(1));
                return;
            }

            log.Add(name + ":" + message + "@" + Context.Time.GetUtcNow().ToUnixTimeMilliseconds());
        }
    }
}
