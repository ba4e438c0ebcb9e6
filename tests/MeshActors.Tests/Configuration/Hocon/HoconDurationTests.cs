using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconDurationTests
{
    [Theory]
    [InlineData("5s", 5_000_000_0L)]
    [InlineData("250 ms", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1 minute", TimeSpan.TicksPerMinute)]
    [InlineData("2h", 2 * TimeSpan.TicksPerHour)]
    [InlineData("3 days", 3 * TimeSpan.TicksPerDay)]
    [InlineData("100", 100 * TimeSpan.TicksPerMillisecond)]
    [InlineData("  100  ", 100 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1.5 seconds", 15_000_000L)]
    [InlineData("0.5s", 5_000_000L)]
    [InlineData("1e3 ms", TimeSpan.TicksPerSecond)]
    [InlineData("-5s", -50_000_000L)]
    [InlineData("0", 0L)]
    [InlineData("500ns", 5L)]
    [InlineData("1 nanosecond", 0L)]
    [InlineData("150 nanos", 2L)]
    [InlineData("3us", 30L)]
    [InlineData("2 micros", 20L)]
    [InlineData("7 microseconds", 70L)]
    [InlineData("1 milli", TimeSpan.TicksPerMillisecond)]
    [InlineData("2 millis", 2 * TimeSpan.TicksPerMillisecond)]
    [InlineData("3 milliseconds", 3 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1 second", TimeSpan.TicksPerSecond)]
    [InlineData("4m", 4 * TimeSpan.TicksPerMinute)]
    [InlineData("5 minutes", 5 * TimeSpan.TicksPerMinute)]
    [InlineData("1 hour", TimeSpan.TicksPerHour)]
    [InlineData("6 hours", 6 * TimeSpan.TicksPerHour)]
    [InlineData("1d", TimeSpan.TicksPerDay)]
    [InlineData("1 day", TimeSpan.TicksPerDay)]
    public void Parses_the_spec_units(string text, long ticks) =>
        HoconDuration.Parse(text).Should().Be(TimeSpan.FromTicks(ticks));

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("5 S")]
    [InlineData("5 Seconds")]
    [InlineData("5 sec")]
    [InlineData("5 weeks")]
    [InlineData("five seconds")]
    [InlineData("5s 3ms")]
    [InlineData("NaN")]
    [InlineData("1,5s")]
    [InlineData("99999999999999999 days")]
    public void Rejects_anything_else_naming_the_accepted_units(string text)
    {
        var parse = () => HoconDuration.Parse(text);

        parse.Should().Throw<FormatException>()
            .Which.Message.Should().Contain("not a valid duration").And.Contain("ns, nano").And.Contain("d, day, days");
        HoconDuration.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Reads_configuration_values_with_milliseconds_as_the_default()
    {
        var root = Hocon.Parse("timeout = 5s\nbare = 250\nbad = [1]\nwrong = 5 parsecs");

        HoconDuration.Parse(root["timeout"]).Should().Be(TimeSpan.FromSeconds(5));
        HoconDuration.Parse(root["bare"]).Should().Be(TimeSpan.FromMilliseconds(250));

        var array = () => HoconDuration.Parse(root["bad"]);
        array.Should().Throw<FormatException>().WithMessage("t.conf:3:7: a duration must be a number or a string, not array");

        var unit = () => HoconDuration.Parse(root["wrong"]);
        unit.Should().Throw<FormatException>().Which.Message.Should().StartWith("t.conf:4:9: \"5 parsecs\" is not a valid duration");
    }
}
