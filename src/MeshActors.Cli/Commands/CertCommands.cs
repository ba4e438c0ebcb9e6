using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Security;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl cert ca</c> and <c>meshctl cert issue</c>: a cluster CA and the node certificates it signs.</summary>
internal static class CertCommands
{
    public static Command Build() => new("cert", "Create a cluster CA and issue node certificates for mutual TLS") { BuildCa(), BuildIssue() };

    private static Command BuildCa()
    {
        var cluster = new Option<string>("--cluster") { Description = "id of the cluster whose node certificates this CA signs", Required = true };
        var output = new Option<string>("--out") { Description = "folder to write ca.crt and ca.key into (created if missing)", Required = true };
        var days = new Option<int>("--days") { Description = "validity in days", DefaultValueFactory = _ => 3650 };
        var force = new Option<bool>("--force") { Description = "overwrite existing ca.crt and ca.key" };
        var command = new Command("ca", "Create a cluster certificate authority: ca.crt goes to every node, ca.key signs node certificates and stays secret") { cluster, output, days, force };
        command.SetAction(parse => Run(() => CreateCa(parse.GetValue(cluster)!, parse.GetValue(output)!, parse.GetValue(days), parse.GetValue(force))));
        return command;
    }

    private static Command BuildIssue()
    {
        var ca = new Option<string>("--ca") { Description = "folder holding ca.crt and ca.key, as 'meshctl cert ca --out' wrote them", Required = true };
        var cluster = new Option<string>("--cluster") { Description = "cluster the node belongs to; must be the CA's cluster", Required = true };
        var node = new Option<string>("--node") { Description = "node id, as in meshactors.node.id", Required = true };
        var output = new Option<string>("--out") { Description = "folder to write node.crt and node.key into (created if missing)", Required = true };
        var days = new Option<int>("--days") { Description = "validity in days", DefaultValueFactory = _ => 365 };
        var dns = new Option<string[]>("--dns") { Description = "extra DNS name in the certificate; repeatable" };
        var ip = new Option<string[]>("--ip") { Description = "extra IP address in the certificate; repeatable" };
        var force = new Option<bool>("--force") { Description = "overwrite existing node.crt and node.key" };
        var command = new Command("issue", "Issue a node certificate signed by the cluster CA, for TLS server and client use") { ca, cluster, node, output, days, dns, ip, force };
        command.SetAction(parse => Run(() => Issue(
            parse.GetValue(ca)!, parse.GetValue(cluster)!, parse.GetValue(node)!, parse.GetValue(output)!, parse.GetValue(days),
            parse.GetValue(dns) ?? [], parse.GetValue(ip) ?? [], parse.GetValue(force))));
        return command;
    }

    private static int CreateCa(string clusterId, string outDir, int days, bool force)
    {
        RequireId("--cluster", clusterId);
        RequireDays(days);
        var dir = Path.GetFullPath(outDir);
        var (certPath, keyPath) = (Path.Combine(dir, CertificateAuthority.CertificateFileName), Path.Combine(dir, CertificateAuthority.KeyFileName));
        RefuseOverwrite(force, "node certificates signed by the old CA are then no longer trusted", certPath, keyPath);

        using var ca = CertificateAuthority.Create(clusterId, TimeProvider.System, TimeSpan.FromDays(days));
        ca.Save(dir);
        Console.Out.WriteLine($"wrote {certPath}: CA certificate of cluster {clusterId}, valid until {Format(ca.Certificate.NotAfter)}; give it to every node");
        Console.Out.WriteLine($"wrote {keyPath}: CA private key (mode 0600); keep it secret, it signs node certificates");
        Console.Out.WriteLine($"fingerprint {PublicKeyFingerprint.Of(ca.Certificate)}");
        return 0;
    }

    private static int Issue(string caDir, string clusterId, string nodeId, string outDir, int days, string[] dnsNames, string[] ipTexts, bool force)
    {
        RequireId("--cluster", clusterId);
        RequireId("--node", nodeId);
        RequireDays(days);
        var addresses = ipTexts.Select(ParseIp).ToList();
        var dir = Path.GetFullPath(outDir);
        var (certPath, keyPath) = (Path.Combine(dir, NodeCertificateIssuer.CertificateFileName), Path.Combine(dir, NodeCertificateIssuer.KeyFileName));

        using var ca = LoadCa(Path.GetFullPath(caDir));
        if (ca.ClusterId != clusterId)
        {
            throw new UsageException($"--cluster {clusterId}: the CA in {caDir} signs for cluster \"{ca.ClusterId}\"; use --cluster {ca.ClusterId}, or the CA of cluster {clusterId}");
        }

        var caExpires = new DateTimeOffset(ca.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (TimeProvider.System.GetUtcNow().AddDays(days) > caExpires)
        {
            var left = (int)(caExpires - TimeProvider.System.GetUtcNow()).TotalDays;
            throw new UsageException($"--days {days}: the certificate would outlive its CA, which expires at {Format(ca.Certificate.NotAfter)}; give --days {left} or less, or create a new CA");
        }

        RefuseOverwrite(force, "a node using the old files keeps its old certificate until it reloads them", certPath, keyPath);
        X509Certificate2 issued;
        try
        {
            issued = NodeCertificateIssuer.Issue(ca, clusterId, nodeId, TimeProvider.System, TimeSpan.FromDays(days), dnsNames, addresses);
        }
        catch (ArgumentException ex) when (ex.ParamName == "dnsNames")
        {
            throw new UsageException("--dns " + ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal) + "; give a host name such as node-1.mesh.internal");
        }

        using var certificate = issued;
        NodeCertificateIssuer.SaveNode(certificate, dir);
        var names = string.Concat(dnsNames.Select(n => ", DNS " + n).Concat(addresses.Select(a => ", IP " + a)));
        Console.Out.WriteLine($"wrote {certPath}: certificate of node {nodeId} in cluster {clusterId} (URI {MeshIdentity.NodeUri(clusterId, nodeId)}{names}), valid until {Format(certificate.NotAfter)}");
        Console.Out.WriteLine($"wrote {keyPath}: node private key (mode 0600); keep it on that node only");
        Console.Out.WriteLine($"fingerprint {PublicKeyFingerprint.Of(certificate)}");
        return 0;
    }

    private static CertificateAuthority LoadCa(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new UsageException($"--ca {dir}: the folder does not exist; give the folder 'meshctl cert ca --out' wrote");
        }

        try
        {
            return CertificateAuthority.Load(dir);
        }
        catch (CertificateFileException ex)
        {
            throw new UsageException($"--ca {dir}: {ex.Message}");
        }
    }

    private static void RequireId(string option, string value)
    {
        if (!MeshIdentity.IsValidId(value))
        {
            throw new UsageException($"{option} \"{value}\" is not a valid id ({MeshIdentity.IdRule}); e.g. payments-prod");
        }
    }

    private static void RequireDays(int days)
    {
        if (days <= 0)
        {
            throw new UsageException($"--days {days}: give a positive number of days");
        }
    }

    private static IPAddress ParseIp(string text)
    {
        var isIpV4 = text.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
        if (IPAddress.TryParse(text, out var address) &&
            (address.AddressFamily == AddressFamily.InterNetworkV6 ? address.ScopeId == 0 : isIpV4))
        {
            return address;
        }

        throw new UsageException($"--ip \"{text}\" is not an IP address; give an IPv4 address such as 10.0.0.5 or an IPv6 address such as fd00::5");
    }

    private static void RefuseOverwrite(bool force, string consequence, params string[] files)
    {
        var existing = files.Where(File.Exists).ToList();
        if (existing.Count > 0 && !force)
        {
            throw new UsageException($"{string.Join(" and ", existing)} already exist{(existing.Count == 1 ? "s" : "")}; pass --force to overwrite ({consequence}), or choose another --out");
        }
    }

    private static string Format(DateTime certificateTime) =>
        certificateTime.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return Meshctl.InvalidInput;
        }
        catch (CertificateFileException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    /// <summary>Bad input: printed as one line naming the option and the fix, exit code 2.</summary>
    private sealed class UsageException(string message) : Exception(message);
}
