namespace MeshActors.Discovery.Aws;

/// <summary>A running EC2 instance with a private IP, as DescribeInstances reported it.</summary>
/// <param name="InstanceId">The instance id, e.g. <c>i-0abc…</c>.</param>
/// <param name="PrivateIp">Its private IPv4 address.</param>
/// <param name="Tags">Its tags.</param>
internal sealed record Ec2Instance(string InstanceId, string PrivateIp, IReadOnlyDictionary<string, string> Tags);
