using MeshActors.Configuration;
using MeshActors.Events.Delivery;

namespace MeshActors.Tests.Events.Delivery;

/// <summary><c>meshactors.events</c>: reference defaults, overrides, and bad values reported with the setting and a fix.</summary>
public sealed class EventsOptionsTests
{
    private static EventsOptions Load(params string[] overrides) => MeshConfigLoader.Load(new ConfigSources { Overrides = overrides }).Options.Events;

    [Fact]
    public void The_reference_defaults_are_the_documented_ones()
    {
        var options = Load();

        options.MaxPayloadBytes.Should().Be(65_536);
        options.AllowedTopics.Select(p => p.Text).Should().Equal("#");
        options.SeenCacheSize.Should().Be(32_768);
        options.MaxSources.Should().Be(4_096);
        options.MaxAge.Should().Be(TimeSpan.FromMinutes(5));
        options.MaxFutureSkew.Should().Be(TimeSpan.FromSeconds(30));
        options.ReplyWindow.Should().Be(TimeSpan.FromSeconds(2));
        options.SubscriberBuffer.Should().Be(1_024);
        options.CertificateCacheSize.Should().Be(4_096);
        options.CertificateWaitBuffer.Should().Be(256);
        options.MissingTimeout.Should().Be(TimeSpan.FromSeconds(2));
        options.GraftRetry.Should().Be(TimeSpan.FromSeconds(1));
        options.AnnounceOnLinkUp.Should().Be(TimeSpan.FromSeconds(10));
        options.ReceivedCacheSize.Should().Be(1_024);
        options.MaxMissing.Should().Be(4_096);
        options.Plumtree.Validate().Should().BeEmpty();
        options.Admission.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Overrides_reach_the_options()
    {
        var options = Load("meshactors.events.allowed-topics=[\"infrastructure.#\", \"deployment.*\"]", "meshactors.events.reply-window=5s", "meshactors.events.plumtree.announce-on-link-up=0s");

        options.Allows("infrastructure.disk.full").Should().BeTrue();
        options.Allows("deployment.web").Should().BeTrue();
        options.Allows("billing.invoice").Should().BeFalse();
        options.ReplyWindow.Should().Be(TimeSpan.FromSeconds(5));
        options.AnnounceOnLinkUp.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("meshactors.events.max-payload-bytes=-1", "meshactors.events.max-payload-bytes", "out of range")]
    [InlineData("meshactors.events.max-payload-bytes=20000000", "meshactors.events.max-payload-bytes", "out of range")]
    [InlineData("meshactors.events.allowed-topics=[\"a.#.b\"]", "meshactors.events.allowed-topics.0", "is not a topic pattern")]
    [InlineData("meshactors.events.allowed-topics=\"#\"", "meshactors.events.allowed-topics", "expected a list")]
    [InlineData("meshactors.events.seen-cache-size=0", "meshactors.events.seen-cache-size", "out of range")]
    [InlineData("meshactors.events.max-age=0s", "meshactors.events.max-age", "out of range")]
    [InlineData("meshactors.events.reply-window=soon", "meshactors.events.reply-window", "is not a duration")]
    [InlineData("meshactors.events.subscriber-buffer=0", "meshactors.events.subscriber-buffer", "out of range")]
    [InlineData("meshactors.events.plumtree.missing-timeout=0s", "meshactors.events.plumtree.missing-timeout", "out of range")]
    [InlineData("meshactors.events.plumtree.received-cache-size=100000", "meshactors.events.plumtree.received-cache-size", "out of range")]
    public void A_bad_value_is_refused_naming_the_setting_and_a_fix(string setting, string path, string problem)
    {
        var act = () => Load(setting);

        var error = act.Should().Throw<ConfigValidationException>().Which.Errors.Should().ContainSingle().Which;
        error.Path.Should().Be(path);
        error.Problem.Should().Contain(problem);
        error.Fix.Should().NotBeEmpty();
    }
}
