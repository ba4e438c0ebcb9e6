using System.Diagnostics;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using MeshActors.Configuration.Hocon;
using Microsoft.FSharp.Core;

namespace MeshActors.Tests.Configuration.Hocon;

/// <summary>
/// Random and mutated inputs only ever produce a resolved tree or a <see cref="HoconException"/>:
/// never an IndexOutOfRange, NullReference, stack overflow or hang. Fixed seeds keep runs repeatable.
/// </summary>
public sealed class HoconRobustnessProperties : IDisposable
{
    private readonly TempFolder emptyIncludeFolder = new();
    private int resolved;
    private int rejected;

    public void Dispose() => emptyIncludeFolder.Dispose();

    [Fact]
    public void Any_input_gives_a_tree_or_a_HoconException()
    {
        var inputs = Gen.Choose(0, 2).SelectMany(
            kind => Gen.Choose(0, 1_000_000).ArrayOf(),
            (kind, choices) => HoconFuzzInputs.Build(kind, choices));
        var stopwatch = Stopwatch.StartNew();

        Check.One(Settings(seed: 20_240_601, tests: 20_000), Prop.ForAll(Arb.From(inputs), ParsesOrFailsCleanly));

        (resolved + rejected).Should().BeGreaterThanOrEqualTo(20_000);
        resolved.Should().BeGreaterThan(2_000, "the inputs must also reach the resolver");
        rejected.Should().BeGreaterThan(2_000, "the inputs must also reach the error paths");
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "fuzzing must stay fast");
    }

    [Fact]
    public void Any_json_document_parses_to_the_same_tree()
    {
        var documents = Gen.Choose(0, 1_000_000).ArrayOf().Select(RandomJson.Document);

        Check.One(Settings(seed: 7, tests: 2_000), Prop.ForAll(Arb.From(documents), json =>
        {
            using var expected = JsonDocument.Parse(json);
            return HoconTreeAssert.FindDifference(HoconParser.ParseText(json), expected.RootElement, "$") is null;
        }));
    }

    [Fact]
    public void Unit_parsers_only_ever_reject_with_FormatException()
    {
        string[] pieces = ["1", "-", ".", "5", "e", "E", "s", "ms", "KiB", "k", " ", "+", "day", "byte", "9999999999", "NaN", ",", "\u00e9"];
        var texts = Gen.Elements(pieces).ArrayOf().Select(string.Concat);

        Check.One(Settings(seed: 11, tests: 5_000), Prop.ForAll(Arb.From(texts), text =>
        {
            HoconDuration.TryParse(text, out _);
            HoconSize.TryParse(text, out _);
            return RejectsOnlyWithFormatException(() => HoconDuration.Parse(text))
                && RejectsOnlyWithFormatException(() => HoconSize.Parse(text));
        }));
    }

    private bool ParsesOrFailsCleanly(string text)
    {
        try
        {
            var root = new HoconLoader().AddText(text, "fuzz.conf", emptyIncludeFolder.Path).Resolve();
            _ = root.ToJson();
            _ = root.Flatten().ToList();
            resolved++;
            return true;
        }
        catch (HoconException error)
        {
            rejected++;
            return error.Message.StartsWith("fuzz.conf:", StringComparison.Ordinal) || error.Message.StartsWith(emptyIncludeFolder.Path, StringComparison.Ordinal);
        }
    }

    private static bool RejectsOnlyWithFormatException(Action parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (FormatException)
        {
            return true;
        }
    }

    private static Config Settings(ulong seed, int tests) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
}
