using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Configuration;
using MeshActors.Configuration;
using MeshActors.Hosting;
using MeshActors.Views.Wire;

namespace MeshActors.Tests.Views.Wire;

/// <summary>The serializer as Akka finds it: an ActorSystem configured with <see cref="AkkaSettings"/>'s
/// HOCON (local provider, so no port is bound) picks it for every overlay message.</summary>
public sealed class OverlaySerializerTests : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("overlay", ConfigurationFactory.ParseString("akka.actor.provider = local")
        .WithFallback(ConfigurationFactory.ParseString(AkkaSettings.Hocon(MeshConfigLoader.Load(new ConfigSources()).Options))));

    public void Dispose() => _system.Dispose();

    [Fact]
    public void Akka_picks_the_overlay_serializer_for_every_message_and_round_trips_it()
    {
        foreach (var message in OverlayMessages.OneOfEach())
        {
            var serializer = _system.Serialization.FindSerializerFor(message);
            serializer.Should().BeOfType<OverlaySerializer>();
            serializer.Identifier.Should().Be(OverlaySerializer.SerializerId);

            var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
            var bytes = serializer.ToBinary(message);
            var back = (IOverlayWire)_system.Serialization.Deserialize(bytes, serializer.Identifier, manifest);

            OverlayCodecTests.Describe(back).Should().Be(OverlayCodecTests.Describe(message));
            bytes.Should().Equal(OverlayCodec.Encode(message));
        }
    }

    [Fact]
    public void Bytes_that_do_not_decode_or_do_not_match_the_manifest_throw_a_serialization_exception_naming_why()
    {
        var serializer = (OverlaySerializer)_system.Serialization.FindSerializerFor(OverlayMessages.OneOfEach().First());
        var ping = OverlayCodec.Encode(new OverlayPing(OverlayMessages.A, 1));

        serializer.Invoking(s => s.FromBinary(ping[..^1], "16")).Should().Throw<SerializationException>().WithMessage("*Truncated*");
        serializer.Invoking(s => s.FromBinary(ping, "17")).Should().Throw<SerializationException>().WithMessage("*manifest*");
        serializer.FromBinary(ping, "16").Should().Be(new OverlayPing(OverlayMessages.A, 1));
    }
}
