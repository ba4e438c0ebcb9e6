using System.Net;

namespace MeshActors.Dns;

/// <summary>Pure checks on a response: does it answer this query, and what does its RCODE mean.</summary>
internal static class DnsResponseCheck
{
    /// <summary>Why <paramref name="result"/> is not the answer to query <paramref name="id"/>
    /// for <paramref name="question"/>; null when it is. An error response may leave out the
    /// question (RFC 1035 allows it for FORMERR), but only if the rest of it decodes.</summary>
    public static string? Mismatch(DnsDecodeResult result, ushort id, DnsQuestion question)
    {
        if (result.Message is not { } message)
        {
            return result.Error;
        }

        if (message.Id != id)
        {
            return $"id {message.Id} does not match the query's {id}";
        }

        if (!message.IsResponse)
        {
            return "it is a query, not a response";
        }

        if (message.Questions.Count == 0 && message.ResponseCode != DnsResponseCode.NoError && result.Error is null)
        {
            return null;
        }

        if (message.Questions.Count != 1 || !DnsName.Equal(message.Questions[0].Name, question.Name) || message.Questions[0].Type != question.Type)
        {
            var asked = message.Questions.Count == 0 ? "no question" : string.Join(", ", message.Questions.Select(q => $"{q.Name} {q.Type}"));
            return result.Error is { } error && message.Questions.Count == 0
                ? error
                : $"it answers {asked}, not {question.Name} {question.Type}";
        }

        return null;
    }

    /// <summary>The failure an error RCODE means, or null for NOERROR.</summary>
    public static DnsQueryException? Failure(DnsMessage message, DnsQuestion question, IPEndPoint server)
    {
        var q = $"{question.Name} {question.Type}";
        return message.ResponseCode switch
        {
            DnsResponseCode.NoError => null,
            DnsResponseCode.NameError => new(DnsFailure.NameNotFound, $"{question.Name} does not exist (NXDOMAIN from {server})"),
            DnsResponseCode.ServerFailure => new(DnsFailure.ServerFailure, $"{server} failed to resolve {q} (SERVFAIL): the server or its upstream is failing"),
            DnsResponseCode.Refused => new(DnsFailure.Refused, $"{server} refused to answer {q} (REFUSED): it does not serve that zone or does not answer this client"),
            DnsResponseCode.FormatError => new(DnsFailure.FormatError, $"{server} could not read the query for {q} (FORMERR)"),
            var other => new(DnsFailure.OtherResponseCode, $"{server} answered {q} with response code {other} ({(int)other})"),
        };
    }
}
