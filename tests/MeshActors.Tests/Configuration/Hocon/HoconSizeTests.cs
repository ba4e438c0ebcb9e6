using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconSizeTests
{
    [Theory]
    [InlineData("512", 512L)]
    [InlineData("64KiB", 65_536L)]
    [InlineData("1 MB", 1_000_000L)]
    [InlineData("10k", 10_240L)]
    [InlineData("10K", 10_240L)]
    [InlineData("10 Ki", 10_240L)]
    [InlineData("1 kibibyte", 1_024L)]
    [InlineData("2 kibibytes", 2_048L)]
    [InlineData("1 kB", 1_000L)]
    [InlineData("3 kilobytes", 3_000L)]
    [InlineData("1 kilobyte", 1_000L)]
    [InlineData("1B", 1L)]
    [InlineData("7b", 7L)]
    [InlineData("1 byte", 1L)]
    [InlineData("9 bytes", 9L)]
    [InlineData("1m", 1_048_576L)]
    [InlineData("1 Mi", 1_048_576L)]
    [InlineData("1 MiB", 1_048_576L)]
    [InlineData("1 mebibytes", 1_048_576L)]
    [InlineData("1 megabyte", 1_000_000L)]
    [InlineData("1G", 1_073_741_824L)]
    [InlineData("1 GB", 1_000_000_000L)]
    [InlineData("1 gibibyte", 1_073_741_824L)]
    [InlineData("2 gigabytes", 2_000_000_000L)]
    [InlineData("1t", 1_099_511_627_776L)]
    [InlineData("1 TB", 1_000_000_000_000L)]
    [InlineData("1 TiB", 1_099_511_627_776L)]
    [InlineData("1 terabyte", 1_000_000_000_000L)]
    [InlineData("1 tebibyte", 1_099_511_627_776L)]
    [InlineData("1P", 1_125_899_906_842_624L)]
    [InlineData("1 PB", 1_000_000_000_000_000L)]
    [InlineData("1 petabytes", 1_000_000_000_000_000L)]
    [InlineData("1 pebibytes", 1_125_899_906_842_624L)]
    [InlineData("1e", 1_152_921_504_606_846_976L)]
    [InlineData("1 EiB", 1_152_921_504_606_846_976L)]
    [InlineData("1 EB", 1_000_000_000_000_000_000L)]
    [InlineData("1 exabyte", 1_000_000_000_000_000_000L)]
    [InlineData("1 exbibyte", 1_152_921_504_606_846_976L)]
    [InlineData("1.5K", 1_536L)]
    [InlineData("0.5 kB", 500L)]
    [InlineData("1e3", 1_000L)]
    [InlineData(" 42 B ", 42L)]
    public void Parses_the_spec_units(string text, long bytes) => HoconSize.Parse(text).Should().Be(bytes);

    [Theory]
    [InlineData("")]
    [InlineData("KB")]
    [InlineData("1 Kb")]
    [InlineData("1 mb")]
    [InlineData("1 kilo")]
    [InlineData("1 kilobits")]
    [InlineData("1 ZB")]
    [InlineData("1 Y")]
    [InlineData("16 EiB")]
    [InlineData("ten bytes")]
    [InlineData("1,000")]
    public void Rejects_unknown_units_and_sizes_beyond_a_long(string text)
    {
        var parse = () => HoconSize.Parse(text);

        parse.Should().Throw<FormatException>()
            .Which.Message.Should().Contain("not a valid size in bytes").And.Contain("KiB").And.Contain("kB");
        HoconSize.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Every_spec_unit_is_accepted()
    {
        var units = new[] { "B", "b", "byte", "bytes" }
            .Concat(new[] { "k", "M", "G", "T", "P", "E", "Z", "Y" }.Select(p => p + "B"))
            .Concat(new[] { "kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta" }.SelectMany(n => new[] { n + "byte", n + "bytes" }))
            .Concat(new[] { "K", "M", "G", "T", "P", "E", "Z", "Y" }.SelectMany(l => new[] { l, l.ToLowerInvariant(), l + "i", l + "iB" }))
            .Concat(new[] { "kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi" }.SelectMany(n => new[] { n + "byte", n + "bytes" }));

        foreach (var unit in units)
        {
            // Zetta and yotta do not fit in a long, except for zero of them.
            HoconSize.TryParse("0 " + unit, out var zero).Should().BeTrue(unit);
            zero.Should().Be(0);
        }
    }

    [Fact]
    public void Reads_configuration_values_with_bytes_as_the_default()
    {
        var root = Hocon.Parse("buffer = 64KiB\nbare = 512\nflag = true");

        HoconSize.Parse(root["buffer"]).Should().Be(65_536);
        HoconSize.Parse(root["bare"]).Should().Be(512);
        var flag = () => HoconSize.Parse(root["flag"]);
        flag.Should().Throw<FormatException>().WithMessage("t.conf:3:8: a size must be a number or a string, not boolean");
    }
}
