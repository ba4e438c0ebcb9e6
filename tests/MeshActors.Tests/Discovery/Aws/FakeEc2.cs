using System.Net;
using System.Security;
using System.Text;
using MeshActors.Tests.Discovery.Fixtures;
using Microsoft.AspNetCore.Http;

namespace MeshActors.Tests.Discovery.Aws;

/// <summary>
/// An EC2 Query API endpoint on the fixture server: every request must carry a valid SigV4
/// signature (checked by <see cref="SigV4Verifier"/> against the known access key) and the
/// DescribeInstances form, or it gets EC2's XML error with 401/403/400. Pages are served in
/// order and linked by NextToken.
/// </summary>
internal sealed class FakeEc2
{
    public const string Region = "eu-west-1";
    public const string AccessKey = "AKIDEXAMPLEMESH";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /// <summary>The pages to serve (XML bodies); page i links to page i+1.</summary>
    public IReadOnlyList<string> Pages { get; set; } = [Page([])];

    /// <summary>Every form the server accepted, decoded.</summary>
    public List<Dictionary<string, string>> Forms { get; } = [];

    public async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (SigV4Verifier.Verify(request, new Dictionary<string, string> { [AccessKey] = Secret }, Region, "ec2", DateTimeOffset.UtcNow) is var (code, message))
        {
            await ErrorAsync(context, code == "AuthFailure" ? 401 : 403, code, message);
            return;
        }

        var form = request.Body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.ElementAtOrDefault(1) ?? string.Empty));
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
            xml.Append($"<item><reservationId>r-{id}</reservationId><instancesSet><item><instanceId>{id}</instanceId><instanceState><code>16</code><name>{state}</name></instanceState>");
            xml.Append(ip is null ? string.Empty : $"<privateIpAddress>{ip}</privateIpAddress>");
            xml.Append("<tagSet>").Append(string.Concat(tags.Select(t => $"<item><key>{SecurityElement.Escape(t.Key)}</key><value>{SecurityElement.Escape(t.Value)}</value></item>"))).Append("</tagSet>");
            xml.Append("</item></instancesSet></item>");
        }

        return xml.Append("</reservationSet></DescribeInstancesResponse>").ToString();
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error></Errors><RequestID>{Guid.NewGuid()}</RequestID></Response>");
    }
}
