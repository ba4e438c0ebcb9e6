using System.Net;
using MeshActors.Discovery;
using MeshActors.Discovery.Dns;

namespace MeshActors.Tests.Discovery.Dns;

public sealed class ResolvConfTests
{
    public static TheoryData<string, string[], int?, int?, int> Cases => new()
    {
        { "nameserver 10.0.0.2\n", ["10.0.0.2:53"], null, null, 0 },
        { "# comment\n; other\nnameserver 10.0.0.2\nnameserver ::1\nsearch x.local\n", ["10.0.0.2:53", "[::1]:53"], null, null, 0 },
        { "nameserver 10.0.0.2\noptions ndots:2 timeout:3 attempts:4 rotate\n", ["10.0.0.2:53"], 3, 4, 0 },
        { "options timeout:0 attempts:9\nnameserver 1.1.1.1\n", ["1.1.1.1:53"], 1, 5, 0 },
        { "options timeout:99\n", [], 30, null, 0 },
        { "nameserver not-an-ip\nnameserver\nnameserver 10.0.0.3", ["10.0.0.3:53"], null, null, 2 },
        { "options timeout:x attempts:-1\n", [], null, null, 2 },
        { "\tnameserver\t10.0.0.4 \r\n", ["10.0.0.4:53"], null, null, 0 },
        { "nameserver fe80::1%2\n", ["[fe80::1%2]:53"], null, null, 0 },
        { "", [], null, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_nameservers_and_the_timeout_and_attempts_options(string text, string[] servers, int? timeoutSeconds, int? attempts, int problems)
    {
        var conf = ResolvConf.Parse(text);

        conf.Nameservers.Select(s => s.ToString()).Should().Equal(servers);
        conf.Timeout.Should().Be(timeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : null);
        conf.Attempts.Should().Be(attempts);
        conf.Problems.Should().HaveCount(problems);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var act = () => ResolvConf.Load("/nonexistent/resolv.conf");

        act.Should().Throw<DiscoveryException>()
            .WithMessage("no DNS servers: cannot read /nonexistent/resolv.conf*set the server explicitly as ip:port");
    }

    [Fact]
    public void A_file_without_a_nameserver_is_a_clear_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "search example.com\nnameserver bogus\n");

            var act = () => ResolvConf.Load(path);

            act.Should().Throw<DiscoveryException>()
                .WithMessage($"no DNS servers: {path} has no usable nameserver line (line 2: \"nameserver bogus\" does not name an IP address)*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void System_resolvers_take_timeout_and_attempts_from_the_file_when_it_says()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "nameserver 127.0.0.53\noptions attempts:3\n");

            var conf = ResolvConf.Load(path);
            var resolver = DnsResolver.For("", TimeSpan.FromSeconds(2), 2, path);

            resolver.Servers.Should().Equal(new IPEndPoint(IPAddress.Parse("127.0.0.53"), 53));
            conf.Attempts.Should().Be(3);
            conf.Timeout.Should().BeNull("the file does not say, so meshactors.discovery.dns.timeout stays");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("127.0.0.1:5354", "127.0.0.1:5354")]
    [InlineData("[::1]:53", "[::1]:53")]
    [InlineData(" 10.0.0.1:53 ", "10.0.0.1:53")]
    public void An_explicit_server_is_ip_and_port(string text, string expected)
    {
        DnsResolver.For(text, TimeSpan.FromSeconds(1), 1, "/nonexistent/resolv.conf").Servers.Single().ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("dns.example.com:53")]
    [InlineData("::1")]
    public void A_server_without_a_port_or_with_a_name_is_refused(string text)
    {
        var act = () => DnsResolver.ParseServer(text);

        act.Should().Throw<FormatException>().WithMessage("*write ip:port*");
    }

    [Theory]
    [InlineData("nameserver 10.0.0.2\nsearch a.svc.cluster.local svc.cluster.local\noptions ndots:5\n", "_mesh._tcp.seeds",
        "_mesh._tcp.seeds.a.svc.cluster.local,_mesh._tcp.seeds.svc.cluster.local,_mesh._tcp.seeds")]
    [InlineData("nameserver 10.0.0.2\nsearch example.com\n", "seeds.test.local", "seeds.test.local,seeds.test.local.example.com")]
    [InlineData("nameserver 10.0.0.2\nsearch example.com\n", "seeds", "seeds.example.com,seeds")]
    [InlineData("nameserver 10.0.0.2\nsearch one.com\ndomain two.com.\n", "seeds", "seeds.two.com,seeds")]
    [InlineData("nameserver 10.0.0.2\noptions ndots:0\nsearch example.com\n", "seeds", "seeds,seeds.example.com")]
    [InlineData("nameserver 10.0.0.2\n", "seeds", "seeds")]
    public void The_search_list_and_ndots_order_the_names_asked_as_glibc_does(string text, string name, string expected)
    {
        ResolvConf.Parse(text).Candidates(name).Should().Equal(expected.Split(','));
    }

    [Fact]
    public void Ndots_is_1_unless_the_file_says_and_is_capped_at_15()
    {
        ResolvConf.Parse("nameserver 10.0.0.2\n").Ndots.Should().Be(1);
        ResolvConf.Parse("options ndots:40\n").Ndots.Should().Be(15);
    }
}
