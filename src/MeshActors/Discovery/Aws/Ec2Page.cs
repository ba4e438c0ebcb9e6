namespace MeshActors.Discovery.Aws;

/// <summary>One DescribeInstances page: the usable instances and the token of the next page.</summary>
/// <param name="Instances">Running instances that have a private IP.</param>
/// <param name="NextToken">The next page's token; null on the last page.</param>
internal sealed record Ec2Page(IReadOnlyList<Ec2Instance> Instances, string? NextToken);
