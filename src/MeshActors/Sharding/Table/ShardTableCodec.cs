using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MeshActors.Sharding.Table;

/// <summary>
/// The encodings of <see cref="ShardTable"/> and <see cref="ShardTableDiff"/>: the canonical bytes the
/// checksum hashes, and compact JSON for persistence and transport. Decoding checks every field and
/// builds nothing until all of it is valid; any problem is a <see cref="FormatException"/> saying what.
/// </summary>
internal static class ShardTableCodec
{
    private const int Format = 1;
    private const string StateLetters = "ADPM"; // by ShardState value: Active, Draining, Paused, Moving
    private static readonly byte[] ChecksumMagic = Encoding.UTF8.GetBytes("meshactors.shard-table.v1");

    /// <summary>Hex SHA-256 of: the magic, then (little-endian, strings as int32 byte length + UTF-8) namespace,
    /// version (int64), token (int64), written-at Unix ms (int64), shard count (int32), and per shard its owner and state byte.</summary>
    public static string Checksum(ShardTable table)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(ChecksumMagic);
        AppendString(hash, table.Namespace);
        Span<byte> number = stackalloc byte[8];
        foreach (var value in new[] { table.Version, table.FencingToken, table.WrittenAt.ToUnixTimeMilliseconds() })
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, value);
            hash.AppendData(number);
        }

        BinaryPrimitives.WriteInt32LittleEndian(number, table.ShardCount);
        hash.AppendData(number[..4]);
        var encoded = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var owners = table.Owners;
        var states = table.States;
        for (var shard = 0; shard < owners.Length; shard++)
        {
            if (!encoded.TryGetValue(owners[shard], out var bytes))
            {
                var utf8 = Encoding.UTF8.GetBytes(owners[shard]);
                bytes = new byte[4 + utf8.Length + 1];
                BinaryPrimitives.WriteInt32LittleEndian(bytes, utf8.Length);
                utf8.CopyTo(bytes, 4);
                encoded[owners[shard]] = bytes;
            }

            bytes[^1] = (byte)states[shard];
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static byte[] Encode(ShardTable table)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var owners = new List<string>();
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("namespace", table.Namespace);
            json.WriteNumber("version", table.Version);
            json.WriteNumber("token", table.FencingToken);
            json.WriteNumber("writtenAt", table.WrittenAt.ToUnixTimeMilliseconds());
            json.WriteString("checksum", table.Checksum);
            var shards = new int[table.ShardCount];
            for (var shard = 0; shard < shards.Length; shard++)
            {
                var owner = table.Owners[shard];
                if (!index.TryGetValue(owner, out var i))
                {
                    index[owner] = i = owners.Count;
                    owners.Add(owner);
                }

                shards[shard] = i;
            }

            json.WriteStartArray("owners");
            owners.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("shards");
            foreach (var i in shards)
            {
                json.WriteNumberValue(i);
            }

            json.WriteEndArray();
            var letters = new char[table.ShardCount];
            for (var shard = 0; shard < letters.Length; shard++)
            {
                letters[shard] = StateLetters[(int)table.States[shard]];
            }

            json.WriteString("states", letters);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static ShardTable Decode(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, "shard table", root =>
    {
        CheckFormat(root);
        var owners = Array(root, "owners").Select((o, i) => o.ValueKind == JsonValueKind.String ? o.GetString()! : throw Bad($"owners[{i}] is not a string")).ToArray();
        var shards = Array(root, "shards");
        var letters = String(root, "states");
        if (shards.Count != letters.Length)
        {
            throw Bad($"'shards' has {shards.Count} entries but 'states' has {letters.Length}");
        }

        var rowOwners = new string[shards.Count];
        var rowStates = new ShardState[shards.Count];
        for (var shard = 0; shard < shards.Count; shard++)
        {
            rowOwners[shard] = shards[shard].ValueKind == JsonValueKind.Number && shards[shard].TryGetInt32(out var i) && i >= 0 && i < owners.Length
                ? owners[i]
                : throw Bad($"shards[{shard}] is not an index into 'owners' (0 to {owners.Length - 1})");
            rowStates[shard] = StateOf(letters[shard], $"states[{shard}]");
        }

        ShardTable table;
        try
        {
            table = ShardTable.Validated(String(root, "namespace"), Long(root, "version"), Long(root, "token"),
                DateTimeOffset.FromUnixTimeMilliseconds(Long(root, "writtenAt")), rowOwners, rowStates);
        }
        catch (ArgumentException e)
        {
            throw Bad(e.Message);
        }

        var checksum = String(root, "checksum");
        return string.Equals(checksum, table.Checksum, StringComparison.Ordinal)
            ? table
            : throw Bad($"checksum {checksum} does not match the content's {table.Checksum}: the table is corrupt or was altered");
    });

    public static byte[] Encode(ShardTableDiff diff)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("namespace", diff.Namespace);
            json.WriteNumber("fromVersion", diff.FromVersion);
            json.WriteNumber("toVersion", diff.ToVersion);
            json.WriteNumber("token", diff.FencingToken);
            json.WriteString("author", diff.Author);
            json.WriteNumber("at", diff.At.ToUnixTimeMilliseconds());
            json.WriteString("reason", diff.Reason);
            json.WriteStartArray("moves");
            foreach (var move in diff.Moves)
            {
                json.WriteStartArray();
                json.WriteNumberValue(move.Shard);
                json.WriteStringValue(move.FromOwner);
                json.WriteStringValue(move.ToOwner);
                json.WriteStringValue(StateLetters.AsSpan((int)move.FromState, 1));
                json.WriteStringValue(StateLetters.AsSpan((int)move.ToState, 1));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static ShardTableDiff DecodeDiff(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, "shard table diff", root =>
    {
        CheckFormat(root);
        var moves = ImmutableArray.CreateBuilder<ShardMove>();
        var list = Array(root, "moves");
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            if (m.ValueKind != JsonValueKind.Array || m.GetArrayLength() != 5 || !m[0].TryGetInt32(out var shard)
                || m[1].ValueKind != JsonValueKind.String || m[2].ValueKind != JsonValueKind.String
                || m[3].GetString() is not [var from] || m[4].GetString() is not [var to])
            {
                throw Bad($"moves[{i}] is not [shard, fromOwner, toOwner, fromState, toState]");
            }

            moves.Add(new ShardMove(shard, m[1].GetString()!, m[2].GetString()!, StateOf(from, $"moves[{i}] fromState"), StateOf(to, $"moves[{i}] toState")));
        }

        try
        {
            return new ShardTableDiff(String(root, "namespace"), Long(root, "fromVersion"), Long(root, "toVersion"), Long(root, "token"),
                String(root, "author"), DateTimeOffset.FromUnixTimeMilliseconds(Long(root, "at")), String(root, "reason"), moves.ToImmutable());
        }
        catch (ArgumentException e)
        {
            throw Bad(e.Message);
        }
    });

    private static T Parse<T>(ReadOnlySpan<byte> utf8Json, string what, Func<JsonElement, T> read)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : throw Bad("the input is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{what}: not valid JSON ({e.Message})", e);
        }
        catch (FormatException e) when (!e.Message.StartsWith(what, StringComparison.Ordinal))
        {
            throw new FormatException($"{what}: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"{what}: a field has the wrong JSON type ({e.Message})", e);
        }
    }

    private static void CheckFormat(JsonElement root)
    {
        if (Long(root, "format") != Format)
        {
            throw Bad($"format {Long(root, "format")} is not supported; this version reads format {Format}");
        }
    }

    private static ShardState StateOf(char letter, string where) =>
        StateLetters.IndexOf(letter) is var i and >= 0 ? (ShardState)i : throw Bad($"{where} is '{letter}', not one of {StateLetters} (active, draining, paused, moving)");

    private static JsonElement Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : throw Bad($"field '{name}' is missing");

    private static long Long(JsonElement root, string name) =>
        Field(root, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : throw Bad($"field '{name}' is not an integer");

    private static string String(JsonElement root, string name) =>
        Field(root, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw Bad($"field '{name}' is not a string");

    private static List<JsonElement> Array(JsonElement root, string name) =>
        Field(root, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray().ToList() : throw Bad($"field '{name}' is not an array");

    private static FormatException Bad(string message) => new(message);

    private static void AppendString(IncrementalHash hash, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, utf8.Length);
        hash.AppendData(length);
        hash.AppendData(utf8);
    }
}
