using FsCheck;
using FsCheck.Fluent;
using MeshActors.Events.Topics;

namespace MeshActors.Tests.Events.Topics;

/// <summary>The trie answers exactly what a linear scan of <see cref="TopicPattern.Matches"/> answers.</summary>
public sealed class SubscriptionTableProperties
{
    private static readonly string[] Words = ["a", "b", "c"];

    private static readonly Gen<string> Topic =
        from length in Gen.Choose(1, 4)
        from parts in Gen.ArrayOf(Gen.Elements(Words), length)
        select string.Join('.', parts);

    private static readonly Gen<string> Pattern =
        from length in Gen.Choose(1, 4)
        from parts in Gen.ArrayOf(Gen.Elements("a", "b", "*", "*"), length)
        from trailing in Gen.Elements(false, false, true)
        select string.Join('.', trailing ? [.. parts, "#"] : parts);

    private static readonly Gen<(string[] Patterns, int[] Removed, string[] Topics)> Cases =
        from count in Gen.Choose(0, 25)
        from patterns in Gen.ArrayOf(Pattern, count)
        from removed in Gen.ArrayOf(Gen.Choose(0, Math.Max(0, count - 1)), count / 3)
        from topics in Gen.ArrayOf(Topic, 20)
        select (patterns, removed, topics);

    [Fact]
    public void Match_equals_a_linear_scan_after_adds_and_removes()
    {
        Check.One(PropertySettings.Seeded(seed: 1301, tests: 300), Prop.ForAll(Arb.From(Cases), c =>
        {
            var table = SubscriptionTable.Empty;
            for (var i = 0; i < c.Patterns.Length; i++)
            {
                table = table.Add($"s{i}", TopicPattern.Parse(c.Patterns[i]));
            }

            foreach (var r in c.Removed)
            {
                table = table.Remove($"s{r}");
            }

            foreach (var topic in c.Topics)
            {
                var expected = table.Subscriptions.Where(s => s.Value.Matches(topic)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
                table.Match(topic).Should().Equal(expected, $"topic {topic}");
                table.AnyMatch(topic).Should().Be(expected.Count > 0, $"topic {topic}");
            }
        }));
    }

    [Fact]
    public void Removing_everything_leaves_an_empty_trie()
    {
        Check.One(PropertySettings.Seeded(seed: 1303, tests: 200), Prop.ForAll(Arb.From(Gen.ArrayOf(Pattern, 10)), patterns =>
        {
            var table = SubscriptionTable.Empty;
            for (var i = 0; i < patterns.Length; i++)
            {
                table = table.Add($"s{i}", TopicPattern.Parse(patterns[i]));
            }

            for (var i = 0; i < patterns.Length; i++)
            {
                table = table.Remove($"s{i}");
            }

            table.Count.Should().Be(0);
            Words.All(w => table.Match(w).Count == 0).Should().BeTrue();
        }));
    }

    [Fact]
    public void Tables_are_immutable_and_ids_unique()
    {
        var one = SubscriptionTable.Empty.Add("infra", TopicPattern.Parse("infrastructure.*"));
        var two = one.Add("deploy", TopicPattern.Parse("deployment.#"));
        one.Match("deployment.started").Should().BeEmpty();
        two.Match("deployment.started").Should().Equal("deploy");
        two.Remove("infra").Match("infrastructure.disk").Should().BeEmpty();
        two.Match("infrastructure.disk").Should().Equal("infra");
        two.Remove("nobody").Should().BeSameAs(two);
        var again = () => two.Add("infra", TopicPattern.Parse("x"));
        again.Should().Throw<ArgumentException>().WithMessage("subscription \"infra\" already exists (for infrastructure.*)*");
    }

    [Fact]
    public void Invalid_topics_are_refused_by_Match_and_match_nothing_in_AnyMatch()
    {
        var table = SubscriptionTable.Empty.Add("all", TopicPattern.Parse("#"));
        table.AnyMatch("a..b").Should().BeFalse();
        var act = () => table.Match("a..b");
        act.Should().Throw<ArgumentException>();
    }
}
