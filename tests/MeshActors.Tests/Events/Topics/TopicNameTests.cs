using MeshActors.Events.Topics;

namespace MeshActors.Tests.Events.Topics;

public sealed class TopicNameTests
{
    [Theory]
    [InlineData("infrastructure")]
    [InlineData("infrastructure.disk.full")]
    [InlineData("deployment.web-1.rolled_back")]
    [InlineData("A.b.C")]
    public void Valid_names_are_accepted(string topic) => TopicName.Problem(topic).Should().BeNull();

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData(".a", "segment 1 is empty*")]
    [InlineData("a.", "segment 2 is empty*")]
    [InlineData("a..b", "segment 2 is empty*")]
    [InlineData("a.b c", "segment 2 contains ' '")]
    [InlineData("a.*", "segment 2 contains '*'")]
    [InlineData("a.#", "segment 2 contains '#'")]
    [InlineData("ä", "segment 1 contains 'ä'")]
    [InlineData("a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q", "it has 17 segments, more than 16")]
    public void Invalid_names_say_why(string topic, string problem) =>
        TopicName.Problem(topic).Should().Match(problem);

    [Fact]
    public void Length_limits_are_enforced()
    {
        TopicName.IsValid(new string('a', 64)).Should().BeTrue();
        TopicName.Problem(new string('a', 65)).Should().Be("segment 1 has 65 characters, more than 64");
        var longest = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));
        longest.Length.Should().Be(255);
        TopicName.IsValid(longest).Should().BeTrue();
        TopicName.Problem(longest + "b").Should().Be("it has 256 characters, more than 255");
    }

    [Fact]
    public void Require_names_the_rule()
    {
        var act = () => TopicName.Require("a..b", "topic");
        act.Should().Throw<ArgumentException>().WithMessage("\"a..b\" is not a topic name: segment 2 is empty*expected dot-separated segments*").WithParameterName("topic");
    }
}
