using FsCheck;
using FsCheck.Fluent;
using MeshActors.Views.Limits;

namespace MeshActors.Tests.Views.Limits;

/// <summary>Admitting peers one by one through <see cref="SubnetLimit.Admits"/> never puts more than
/// the maximum of non-exempt peers in one subnet, and never refuses an exempt peer.</summary>
public sealed class SubnetLimitProperties
{
    [Fact]
    public void Admitted_peers_never_exceed_the_maximum_per_subnet()
    {
        var host = Gen.Choose(0, 5).SelectMany(net => Gen.Choose(0, 9).SelectMany(h => Gen.Choose(0, 4).Select(kind => kind switch
        {
            0 => $"127.0.{net}.{h}",
            1 => $"2001:db8:{net}:{h}::1",
            2 => $"host-{net}.example",
            _ => $"10.0.{net}.{h}",
        })));
        Check.One(PropertySettings.Seeded(24, 500), Prop.ForAll(Arb.From(Gen.Choose(1, 4)), Arb.From(host.ListOf().Select(l => l.ToArray())), (max, candidates) =>
        {
            var active = new List<string>();
            foreach (var candidate in candidates)
            {
                var admitted = SubnetLimit.Admits(active, candidate, max, SubnetExemptions.Loopback);
                if (candidate.StartsWith("127.", StringComparison.Ordinal))
                {
                    admitted.Should().BeTrue();
                }

                if (admitted)
                {
                    active.Add(candidate);
                }
            }

            active.Where(h => !SubnetExemptions.Loopback.IsExempt(h)).GroupBy(SubnetKey.Of).All(g => g.Count() <= max).Should().BeTrue();
        }));
    }
}
