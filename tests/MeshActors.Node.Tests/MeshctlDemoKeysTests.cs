using MeshActors.Cli.Demo;
using MeshActors.Cli.Members;

namespace MeshActors.Node.Tests;

/// <summary>How <c>meshctl demo</c> reads keys and lines, and how <c>members label</c> reads KEY=VALUE: table tests.</summary>
public sealed class MeshctlDemoKeysTests
{
    /// <summary>Feeds <paramref name="keys"/> one by one ('⏎' is Enter, '⌫' Backspace, '␛' Escape) and lists the commands they complete.</summary>
    private static string Type(string keys, int nodeCount = 5)
    {
        var parser = new DemoKeys(nodeCount);
        var actions = new List<string>();
        foreach (var key in keys)
        {
            var action = key switch
            {
                '⏎' => parser.Feed('\r', enter: true),
                '⌫' => parser.Feed('\b', enter: false),
                '␛' => parser.Feed('\u001b', enter: false),
                _ => parser.Feed(key, enter: false),
            };
            if (action is not null)
            {
                actions.Add(action.Verb == DemoVerb.Quit ? "quit" : $"{action.Verb.ToString().ToLowerInvariant()} {action.Node}");
            }
        }

        return string.Join("; ", actions);
    }

    [Theory]
    [InlineData("k2", "kill 2")]
    [InlineData("k 2", "kill 2")]
    [InlineData("K2", "kill 2")]
    [InlineData("r3", "restart 3")]
    [InlineData("r 3", "restart 3")]
    [InlineData("l2", "leave 2")]
    [InlineData("l 2", "leave 2", "the reported bug: 'l 2' killed node 2")]
    [InlineData("l  2", "leave 2")]
    [InlineData("q", "quit")]
    [InlineData("k2r 2l3q", "kill 2; restart 2; leave 3; quit")]
    [InlineData("2", "", "a number without a verb does nothing")]
    [InlineData("3 ", "")]
    [InlineData("k⏎", "")]
    [InlineData("k␛2", "", "Escape cancels the verb")]
    [InlineData("k⌫2", "", "Backspace takes the verb back")]
    [InlineData("lk2", "kill 2", "the last verb typed counts")]
    [InlineData("x2", "")]
    public void Keys_with_five_nodes(string keys, string expected, string because = "")
    {
        Type(keys).Should().Be(expected, because);
    }

    [Theory]
    [InlineData("k1⏎", "kill 1", "with 12 nodes 1 could grow into 10, 11 or 12: Enter runs it")]
    [InlineData("k12", "kill 12")]
    [InlineData("r 1 2", "restart 12")]
    [InlineData("l1⌫3", "leave 3")]
    [InlineData("k1", "", "still waiting for a second digit or Enter")]
    public void Keys_with_twelve_nodes(string keys, string expected, string because = "")
    {
        Type(keys, nodeCount: 12).Should().Be(expected, because);
    }

    [Fact]
    public void A_number_without_a_verb_shows_a_hint_and_the_pending_command_is_shown()
    {
        var keys = new DemoKeys(5);
        keys.Feed('2', enter: false).Should().BeNull();
        keys.Pending.Should().Be("type k, r or l before the node number");
        keys.Feed('l', enter: false);
        keys.Feed(' ', enter: false);
        keys.Pending.Should().Be("leave ");
    }

    [Theory]
    [InlineData("kill 2", "kill 2")]
    [InlineData("k 2", "kill 2")]
    [InlineData("k2", "kill 2")]
    [InlineData("  KILL2 ", "kill 2")]
    [InlineData("restart 3", "restart 3")]
    [InlineData("r 3", "restart 3")]
    [InlineData("r3", "restart 3")]
    [InlineData("leave 2", "leave 2")]
    [InlineData("l 2", "leave 2")]
    [InlineData("l2", "leave 2")]
    [InlineData("q", "quit")]
    [InlineData("quit", "quit")]
    [InlineData("exit", "quit")]
    public void Lines(string line, string expected)
    {
        var action = DemoAction.Parse(line, out var error);

        error.Should().BeNull();
        (action!.Verb == DemoVerb.Quit ? "quit" : $"{action.Verb.ToString().ToLowerInvariant()} {action.Node}").Should().Be(expected);
    }

    [Theory]
    [InlineData("k", "'k': which node? e.g. k 2")]
    [InlineData("leave", "'leave': which node? e.g. leave 2")]
    [InlineData("q 2", "'q 2': quit takes no node number")]
    [InlineData("2", "'2' is not a demo command")]
    [InlineData("kill two", "'kill two' is not a demo command")]
    [InlineData("kl2", "'kl2' is not a demo command")]
    public void Bad_lines_are_explained(string line, string message)
    {
        DemoAction.Parse(line, out var error).Should().BeNull();
        error.Should().StartWith(message);
    }

    [Theory]
    [InlineData(new[] { "team=payments" }, "team=payments", null)]
    [InlineData(new[] { "team=", "zone=eu-1" }, "team=,zone=eu-1", null)]
    [InlineData(new[] { "a=b=c" }, "a=b=c", null)]
    [InlineData(new string[0], null, "give at least one label as KEY=VALUE")]
    [InlineData(new[] { "team" }, null, "'team' is not KEY=VALUE")]
    [InlineData(new[] { "-team=x" }, null, "'-team=x': the key \"-team\" is not a label name")]
    [InlineData(new[] { "a=1", "a=2" }, null, "'a=2': the key \"a\" is given twice")]
    public void Label_arguments(string[] arguments, string? labels, string? error)
    {
        var parsed = LabelAssignments.Parse(arguments, out var problem);

        (parsed is null ? null : string.Join(",", parsed.Select(l => $"{l.Key}={l.Value}"))).Should().Be(labels);
        if (error is null)
        {
            problem.Should().BeNull();
        }
        else
        {
            problem.Should().StartWith(error);
        }
    }
}
