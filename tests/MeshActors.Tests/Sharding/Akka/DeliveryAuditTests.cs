namespace MeshActors.Tests.Sharding.Akka;

/// <summary>The reshard test's audit fails on each thing it is there to catch. One entity on shard 0; the table moves shard 0 from A (v1) to B (v2).</summary>
public sealed class DeliveryAuditTests
{
    public static TheoryData<string, string, long, bool> Logs => new()
    {
        // why, deliveries "seq node version" …, acknowledged, clean
        { "A, then the hand-off to B", "1 A 1,2 A 2,3 B 2", 3, true },
        { "a duplicate", "1 A 1,2 A 1,2 B 2", 2, false },
        { "a gap", "1 A 1,3 A 1", 3, false },
        { "out of order", "2 A 1,1 A 1", 2, false },
        { "handled but never acknowledged", "1 A 1,2 A 1", 1, false },
        { "a node that never owned the shard", "1 C 1", 1, false },
        { "the new owner before the table named it", "1 B 1", 1, false },
        { "back to the old owner after the new one ran it", "1 B 2,2 A 2", 2, false },
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void The_audit_flags_every_kind_of_wrong_delivery(string why, string deliveries, long acked, bool clean)
    {
        var table = new InMemoryShardOwners("orders", ["A"]);
        table.Publish(owners => owners[0] = "B");
        var log = deliveries.Split(',').Select(d => d.Split(' ')).Select(d => new Delivery("e", long.Parse(d[0], System.Globalization.CultureInfo.InvariantCulture), d[1], long.Parse(d[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var problems = DeliveryAudit.Problems(log, new Dictionary<string, long> { ["e"] = acked }, table, _ => 0);

        problems.Should().HaveCount(clean ? 0 : 1, why);
    }
}
