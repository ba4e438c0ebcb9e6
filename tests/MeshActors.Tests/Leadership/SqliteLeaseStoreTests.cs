using MeshActors.Leadership;

namespace MeshActors.Tests.Leadership;

/// <summary>The conformance suite against a real SQLite file; time is virtual (the store reads an injected clock).</summary>
public sealed class SqliteLeaseStoreTests : LeaseStoreConformance
{
    protected override Task<ILeaseStoreTestbed> CreateTestbedAsync() => Task.FromResult<ILeaseStoreTestbed>(new Testbed());

    private sealed class Testbed : ILeaseStoreTestbed
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("meshactors-lease-");
        private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

        public string StoreName => LeaseStores.Sqlite;

        public TimeSpan ShortTtl => TimeSpan.FromSeconds(10);

        public ILeaseStore OpenClient() => new SqliteLeaseStore(Path.Combine(_folder.FullName, "leases.db"), _clock);

        public void Pass(TimeSpan time) => _clock.Advance(time);

        public ValueTask DisposeAsync()
        {
            _folder.Delete(recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
