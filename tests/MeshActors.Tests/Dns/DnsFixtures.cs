namespace MeshActors.Tests.Dns;

/// <summary>The captured packets under tests/fixtures/dns.</summary>
internal static class DnsFixtures
{
    /// <summary>A Go resolver test's SRV reply for _xmpp-server._tcp.google.com with five answers.</summary>
    public static byte[] SrvReply => Hex("go-srv-reply.hex");

    /// <summary>The same reply with the last answer's RDLENGTH pointing past the end.</summary>
    public static byte[] SrvReplyCorruptLastRdlength => Hex("go-srv-reply-corrupt-last-rdlength.hex");

    /// <summary>The expected decoding of <see cref="SrvReply"/>.</summary>
    public static string SrvReplyExpectedJson => File.ReadAllText(TestPaths.Fixture("dns", "go-srv-reply.expected.json"));

    private static byte[] Hex(string file) =>
        Convert.FromHexString(string.Concat(File.ReadAllText(TestPaths.Fixture("dns", file)).Where(char.IsAsciiHexDigit)));
}
