using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace MeshActors.Tests.Views;

/// <summary>FsCheck configuration for the overlay's pure pieces: fixed seed, so a failure repeats.</summary>
internal static class PropertySettings
{
    public static Config Seeded(ulong seed, int tests) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
}
