using MeshActors.Discovery.Aws;

namespace MeshActors.Tests.Discovery.Aws;

public sealed class Ec2ResponseParserTests
{
    [Fact]
    public void The_botocore_fixture_has_one_running_instance_and_no_next_page()
    {
        var page = Ec2ResponseParser.Parse(File.ReadAllText(TestPaths.Fixture("aws", "botocore-ec2-describe-instances.xml")));

        page.Instances.Should().ContainSingle().Which.PrivateIp.Should().Be("10.253.17.74");
        page.NextToken.Should().BeNull();
    }

    [Theory]
    [InlineData("not xml")]
    [InlineData("")]
    [InlineData("<Response><Errors/></Response>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><DescribeInstancesResponse>&a;</DescribeInstancesResponse>")]
    public void Anything_but_a_DescribeInstancesResponse_is_a_FormatException(string xml)
    {
        var act = () => Ec2ResponseParser.Parse(xml);

        act.Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData("<DescribeInstancesResponse><reservationSet><item><instancesSet><item><instanceState><name>running</name></instanceState><privateIpAddress>not-an-ip</privateIpAddress></item></instancesSet></item></reservationSet></DescribeInstancesResponse>")]
    [InlineData("<DescribeInstancesResponse><reservationSet><item><instancesSet><item><privateIpAddress>10.0.0.1</privateIpAddress></item></instancesSet></item></reservationSet></DescribeInstancesResponse>")]
    [InlineData("<DescribeInstancesResponse><reservationSet>text</reservationSet><nextToken>  </nextToken></DescribeInstancesResponse>")]
    public void Odd_instances_are_skipped_not_thrown(string xml)
    {
        var page = Ec2ResponseParser.Parse(xml);

        page.Instances.Should().BeEmpty("bad entries make no target");
        page.NextToken.Should().BeNull();
    }

    [Fact]
    public void Error_responses_give_their_code_and_message()
    {
        Ec2ResponseParser.Error("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized</Message></Error></Errors></Response>")
            .Should().Be(("UnauthorizedOperation", "You are not authorized"));
        Ec2ResponseParser.Error("<html>bad gateway").Should().BeNull();
    }

    [Fact]
    public void The_query_form_filters_running_and_each_tag_and_escapes_values()
    {
        var form = Ec2Query.DescribeInstances([("a b", "x=y&z"), ("c", "")], "tok/1");

        Ec2Query.Encode(form).Should().Be(
            "Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=instance-state-name&Filter.1.Value.1=running" +
            "&Filter.2.Name=tag%3Aa%20b&Filter.2.Value.1=x%3Dy%26z&Filter.3.Name=tag%3Ac&Filter.3.Value.1=&NextToken=tok%2F1");
    }
}
