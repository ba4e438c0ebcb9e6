using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using MeshActors.Tests.Discovery.Fixtures;
using Microsoft.AspNetCore.Http;

namespace MeshActors.Tests.Discovery.Aws;

/// <summary>
/// An EC2 Query API endpoint on the fixture server for AWSSDK.EC2: a request must be a signed
/// (SigV4 <c>Authorization</c> naming a known access key id, else EC2's <c>AuthFailure</c>)
/// DescribeInstances form; pages are served in order and linked by NextToken. The signature
/// itself is the SDK's business and is not re-computed here. <see cref="Error"/> makes every
/// request fail with EC2's XML error instead.
/// </summary>
internal sealed partial class FakeEc2
{
    public const string Region = "eu-west-1";
    public const string AccessKey = "AKIDEXAMPLEMESH";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /// <summary>The access key ids the endpoint knows.</summary>
    public HashSet<string> KnownKeys { get; } = [AccessKey];

    /// <summary>The pages to serve (XML bodies); page i links to page i+1.</summary>
    public IReadOnlyList<string> Pages { get; set; } = [Page([])];

    /// <summary>When set, every request is answered with this EC2 error.</summary>
    public (int Status, string Code, string Message)? Error { get; set; }

    /// <summary>Every form the endpoint accepted, decoded, in order.</summary>
    public List<Dictionary<string, string>> Forms { get; } = [];

    /// <summary>The access key id an Authorization header names, or null.</summary>
    public static string? AccessKeyOf(RecordedRequest request) =>
        request.Headers.TryGetValue("Authorization", out var header) && Credential().Match(header) is { Success: true } m ? m.Groups["key"].Value : null;

    /// <summary>The region an Authorization header's credential scope names, or null.</summary>
    public static string? RegionOf(RecordedRequest request) =>
        request.Headers.TryGetValue("Authorization", out var header) && Credential().Match(header) is { Success: true } m ? m.Groups["region"].Value : null;

    public async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (AccessKeyOf(request) is not { } key || !KnownKeys.Contains(key))
        {
            await ErrorAsync(context, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");
            return;
        }

        if (Error is var (status, code, message))
        {
            await ErrorAsync(context, status, code, message);
            return;
        }

        var form = Decode(request.Body);
        if (form.GetValueOrDefault("Action") != "DescribeInstances" || form.GetValueOrDefault("Version") != "2016-11-15")
        {
            await ErrorAsync(context, 400, "InvalidAction", "The action or version is not valid for this web service.");
            return;
        }

        Forms.Add(form);
        var index = form.TryGetValue("NextToken", out var token) ? int.Parse(token.Split('-')[1]) : 0;
        var body = Pages[index];
        if (index + 1 < Pages.Count)
        {
            body = body.Replace("</DescribeInstancesResponse>", $"<nextToken>page-{index + 1}</nextToken></DescribeInstancesResponse>");
        }

        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync(body);
    }

    /// <summary>A DescribeInstancesResponse with one reservation per instance.</summary>
    public static string Page(IEnumerable<(string Id, string State, string? Ip, (string Key, string Value)[] Tags)> instances)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r-1</requestId><reservationSet>");
        foreach (var (id, state, ip, tags) in instances)
        {
            var code = state == "running" ? 16 : 80;
            xml.Append($"<item><reservationId>r-{id}</reservationId><instancesSet><item><instanceId>{id}</instanceId><instanceState><code>{code}</code><name>{state}</name></instanceState>");
            xml.Append(ip is null ? string.Empty : $"<privateIpAddress>{ip}</privateIpAddress>");
            xml.Append("<tagSet>").Append(string.Concat(tags.Select(t => $"<item><key>{SecurityElement.Escape(t.Key)}</key><value>{SecurityElement.Escape(t.Value)}</value></item>"))).Append("</tagSet>");
            xml.Append("</item></instancesSet></item>");
        }

        return xml.Append("</reservationSet></DescribeInstancesResponse>").ToString();
    }

    private static Dictionary<string, string> Decode(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString((p.ElementAtOrDefault(1) ?? string.Empty).Replace('+', ' ')));

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error></Errors><RequestID>{Guid.NewGuid()}</RequestID></Response>");
    }

    [GeneratedRegex(@"Credential=(?<key>[^/]+)/\d{8}/(?<region>[^/]+)/ec2/aws4_request")]
    private static partial Regex Credential();
}
