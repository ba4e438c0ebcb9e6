using System.Collections.Frozen;
using Google.Protobuf;
using MeshActors.Transport.Wire;

namespace MeshActors.Transport;

/// <summary>
/// The payload types the wire carries, by number. Numbers are append-only: a number is never
/// reused for another type, and a test pins the table. A peer that sends an unknown number gets
/// an error for that message; the session goes on (a newer peer may speak types we do not know).
/// </summary>
public sealed class MessageTypes
{
    private readonly FrozenDictionary<uint, MessageParser> _parsers;
    private readonly FrozenDictionary<Type, uint> _numbers;

    private MessageTypes(IEnumerable<(uint Number, MessageParser Parser, Type Type)> entries)
    {
        var list = entries.ToList();
        _parsers = list.ToFrozenDictionary(e => e.Number, e => e.Parser);
        _numbers = list.ToFrozenDictionary(e => e.Type, e => e.Number);
    }

    /// <summary>Every type this build knows, with its number.</summary>
    public static MessageTypes Default { get; } = new(
    [
        (1, Probe.Parser, typeof(Probe)),
        (2, ProbeReply.Parser, typeof(ProbeReply)),
        (3, SwimPing.Parser, typeof(SwimPing)),
        (4, SwimAck.Parser, typeof(SwimAck)),
        (5, SwimIndirectPing.Parser, typeof(SwimIndirectPing)),
        (6, SwimNack.Parser, typeof(SwimNack)),
        (7, SwimGossip.Parser, typeof(SwimGossip)),
        (8, SwimPushPull.Parser, typeof(SwimPushPull)),
        (9, BootstrapQuery.Parser, typeof(BootstrapQuery)),
        (10, BootstrapInfo.Parser, typeof(BootstrapInfo)),
    ]);

    /// <summary>The numbers and type names, for the pinning test and diagnostics.</summary>
    public IReadOnlyDictionary<uint, string> Table => _numbers.ToDictionary(kv => kv.Value, kv => kv.Key.Name);

    /// <summary>The number of <paramref name="message"/>'s type.</summary>
    /// <exception cref="ArgumentException">The type has no number: register it first.</exception>
    public uint NumberOf(IMessage message) =>
        _numbers.TryGetValue(message.GetType(), out var number)
            ? number
            : throw new ArgumentException($"{message.GetType().Name} has no wire type number; add it to MessageTypes.", nameof(message));

    /// <summary>Decodes a payload of type <paramref name="number"/>; null when the number is unknown.</summary>
    /// <exception cref="InvalidProtocolBufferException">The payload is malformed.</exception>
    public IMessage? Decode(uint number, ReadOnlySpan<byte> payload) =>
        _parsers.TryGetValue(number, out var parser) ? parser.ParseFrom(payload) : null;
}
