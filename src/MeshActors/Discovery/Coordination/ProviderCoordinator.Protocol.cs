namespace MeshActors.Discovery.Coordination;

internal sealed partial class ProviderCoordinator
{
    /// <summary>The messages a coordinator answers.</summary>
    public static class Protocol
    {
        /// <summary>Asks for the provider's <see cref="ProviderHealth"/>.</summary>
        public sealed record GetHealth
        {
            /// <summary>The message.</summary>
            public static GetHealth Instance { get; } = new();
        }

        /// <summary>Asks for the latest successful result, answered with <see cref="Latest"/> at once.</summary>
        public sealed record GetLatest
        {
            /// <summary>The message.</summary>
            public static GetLatest Instance { get; } = new();
        }

        /// <summary>Asks for the latest result once the provider's first run has finished
        /// (succeeded, failed or timed out); answered with <see cref="Latest"/> then, or at once
        /// when it already has.</summary>
        public sealed record AwaitFirstRun
        {
            /// <summary>The message.</summary>
            public static AwaitFirstRun Instance { get; } = new();
        }

        /// <summary>Runs the provider now unless a run is in flight (then that run counts);
        /// answered with <see cref="Refreshed"/> when it has finished.</summary>
        public sealed record RefreshNow
        {
            /// <summary>The message.</summary>
            public static RefreshNow Instance { get; } = new();
        }

        /// <summary>The provider's latest successful result.</summary>
        /// <param name="Provider">The provider's name.</param>
        /// <param name="Tier">Its tier.</param>
        /// <param name="Result">The result of its last successful run (a later failure keeps
        /// it); null when none has succeeded yet.</param>
        public sealed record Latest(string Provider, DiscoveryTier Tier, DiscoveryResult? Result);

        /// <summary>The answer to <see cref="RefreshNow"/>: the health after the run.</summary>
        /// <param name="Health">The provider's health once the run finished.</param>
        public sealed record Refreshed(ProviderHealth Health);

        internal sealed record Tick
        {
            public static Tick Instance { get; } = new();
        }

        internal sealed record RunFinished(long RunId, DiscoveryResult? Result, Exception? Error);

        internal sealed record RunTimedOut(long RunId);
    }
}
