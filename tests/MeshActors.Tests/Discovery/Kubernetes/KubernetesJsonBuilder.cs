using System.Text.Json.Nodes;

namespace MeshActors.Tests.Discovery.Kubernetes;

/// <summary>Writes small PodList and EndpointSliceList documents shaped like the API server's.</summary>
internal static class KubernetesJsonBuilder
{
    public const string Namespace = "mesh-test";

    /// <summary>A pod: Running and Ready unless told otherwise, one container "node" with the given named ports.</summary>
    public static JsonObject Pod(string name, string? ip, bool ready = true, string phase = "Running", bool terminating = false, params (string Name, int Port)[] ports)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = Namespace, ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "meshactors" } };
        if (terminating)
        {
            metadata["deletionTimestamp"] = "2024-05-01T10:00:00Z";
        }

        var status = new JsonObject
        {
            ["phase"] = phase,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
        };
        if (ip is not null)
        {
            status["podIP"] = ip;
        }

        var portArray = new JsonArray(ports.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["containerPort"] = p.Port, ["protocol"] = "TCP" }).ToArray());
        return new JsonObject
        {
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "node", ["ports"] = portArray }) },
            ["status"] = status,
        };
    }

    public static string PodList(params JsonObject[] pods) =>
        new JsonObject { ["kind"] = "PodList", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["items"] = new JsonArray(pods.Cast<JsonNode>().ToArray()) }.ToJsonString();

    /// <summary>One endpoint of a slice, with its conditions (null leaves a condition out).</summary>
    public static JsonObject Endpoint(string ip, string pod, bool? ready = true, bool? terminating = false)
    {
        var conditions = new JsonObject();
        if (ready is not null)
        {
            conditions["ready"] = ready;
        }

        if (terminating is not null)
        {
            conditions["terminating"] = terminating;
        }

        return new JsonObject
        {
            ["addresses"] = new JsonArray(ip),
            ["conditions"] = conditions,
            ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["name"] = pod, ["namespace"] = Namespace },
        };
    }

    public static JsonObject Slice(string addressType, (string Name, int Port)[] ports, params JsonObject[] endpoints) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "meshactors-abc12", ["namespace"] = Namespace, ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = "meshactors" } },
        ["addressType"] = addressType,
        ["endpoints"] = new JsonArray(endpoints.Cast<JsonNode>().ToArray()),
        ["ports"] = new JsonArray(ports.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["port"] = p.Port, ["protocol"] = "TCP" }).ToArray()),
    };

    public static string SliceList(params JsonObject[] slices) =>
        new JsonObject { ["kind"] = "EndpointSliceList", ["apiVersion"] = "discovery.k8s.io/v1", ["items"] = new JsonArray(slices.Cast<JsonNode>().ToArray()) }.ToJsonString();
}
