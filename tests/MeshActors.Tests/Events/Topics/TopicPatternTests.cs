using MeshActors.Events.Topics;

namespace MeshActors.Tests.Events.Topics;

public sealed class TopicPatternTests
{
    [Theory]
    [InlineData("infrastructure.*", "infrastructure.disk", true)]
    [InlineData("infrastructure.*", "infrastructure", false)]
    [InlineData("infrastructure.*", "infrastructure.disk.full", false)]
    [InlineData("infrastructure.*", "deployment.disk", false)]
    [InlineData("deployment.#", "deployment", true)]
    [InlineData("deployment.#", "deployment.started", true)]
    [InlineData("deployment.#", "deployment.web.rolled-back", true)]
    [InlineData("deployment.#", "deployments.started", false)]
    [InlineData("#", "anything.at.all", true)]
    [InlineData("*.disk.#", "node-1.disk", true)]
    [InlineData("*.disk.#", "node-1.disk.full.now", true)]
    [InlineData("*.disk.#", "node-1.net.full", false)]
    [InlineData("*.*", "a.b", true)]
    [InlineData("*.*", "a", false)]
    [InlineData("a.b", "a.b", true)]
    [InlineData("a.b", "a.B", false)]
    [InlineData("a.b", "a.b.c", false)]
    public void Matches_follows_the_wildcard_rules(string pattern, string topic, bool matches) =>
        TopicPattern.Parse(pattern).Matches(topic).Should().Be(matches);

    [Theory]
    [InlineData("a.#.b", "*'#' is segment 2 but may only be the last segment*")]
    [InlineData("a.b*", "*segment 2 mixes '*' with other characters; a wildcard must be a whole segment*")]
    [InlineData("a.#x", "*segment 2 mixes '#'*")]
    [InlineData("a..*", "*segment 2 is empty*")]
    [InlineData("", "*it is empty*")]
    public void Invalid_patterns_say_why(string pattern, string message)
    {
        TopicPattern.TryParse(pattern, out var parsed, out var problem).Should().BeFalse();
        parsed.Should().BeNull();
        problem.Should().NotBeNullOrEmpty();
        var act = () => TopicPattern.Parse(pattern);
        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Patterns_compare_by_text()
    {
        TopicPattern.Parse("a.*").Should().Be(TopicPattern.Parse("a.*"));
        TopicPattern.Parse("a.*").Should().NotBe(TopicPattern.Parse("a.#"));
        TopicPattern.Parse("a.#").EndsWithTrailingWildcard.Should().BeTrue();
    }
}
