using MeshActors.Discovery.Aws;

namespace MeshActors.Tests.Discovery.Aws;

/// <summary>The <c>filters</c> text, as Akka.Discovery.AwsApi writes it.</summary>
public sealed class Ec2FilterTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("tag:purpose=mesh", "tag:purpose=mesh")]
    [InlineData("tag:purpose=mesh;instance-type=m5.large,m5.xlarge", "tag:purpose=mesh|instance-type=m5.large,m5.xlarge")]
    [InlineData(";tag:a=b;;", "tag:a=b")]
    [InlineData(" tag:a = b , ,c ", "tag:a=b,c")]
    public void Filters_parse_in_order(string text, string expected)
    {
        Ec2FilterText.TryParse(text, out var filters, out var problem).Should().BeTrue(problem);

        string.Join('|', filters.Select(f => $"{f.Name}={string.Join(',', f.Values)}")).Should().Be(expected);
    }

    [Theory]
    [InlineData("tag:a", "\"tag:a\" is not name=value[,value…] (it has no '=')")]
    [InlineData("tag:a=b=c", "more than one '='")]
    [InlineData("=b", "no filter name")]
    [InlineData("tag:a= , ", "no filter value")]
    [InlineData("tag:a=b;oops", "\"oops\"")]
    public void Bad_text_says_which_entry_and_why(string text, string problem)
    {
        Ec2FilterText.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain(problem);
    }
}
