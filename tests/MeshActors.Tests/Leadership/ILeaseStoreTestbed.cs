using MeshActors.Leadership;

namespace MeshActors.Tests.Leadership;

/// <summary>One backend for <see cref="LeaseStoreConformance"/>: a fresh, empty lease space per testbed.</summary>
public interface ILeaseStoreTestbed : IAsyncDisposable
{
    /// <summary>The store's configuration name.</summary>
    string StoreName { get; }

    /// <summary>A term short enough to let expire in a test, long enough that a busy machine does not lose it by accident.</summary>
    TimeSpan ShortTtl { get; }

    /// <summary>A new client over the same backing data, as another process (or a restarted one) would open it.</summary>
    ILeaseStore OpenClient();

    /// <summary>Lets <paramref name="time"/> pass on the store's clock: a virtual clock moves at once; a real one is left alone
    /// (the suite then waits on the condition it needs, with a deadline).</summary>
    void Pass(TimeSpan time);
}
