namespace ActorHyper.Hocon.Tests;

public class ByteSizeTests
{
    [Theory]
    [InlineData("512", 512L)]
    [InlineData("10B", 10L)]
    [InlineData("3 bytes", 3L)]
    [InlineData("1 byte", 1L)]
    [InlineData("64 KiB", 64L * 1024)]
    [InlineData("1K", 1024L)]
    [InlineData("1k", 1024L)]
    [InlineData("2 Ki", 2048L)]
    [InlineData("3 kibibytes", 3L * 1024)]
    [InlineData("1 kB", 1000L)]
    [InlineData("2 kilobytes", 2000L)]
    [InlineData("1 MB", 1_000_000L)]
    [InlineData("1 megabyte", 1_000_000L)]
    [InlineData("1 MiB", 1L << 20)]
    [InlineData("2M", 2L << 20)]
    [InlineData("4 mebibytes", 4L << 20)]
    [InlineData("1 GB", 1_000_000_000L)]
    [InlineData("2 GiB", 2L << 30)]
    [InlineData("1g", 1L << 30)]
    [InlineData("1 TB", 1_000_000_000_000L)]
    [InlineData("1 TiB", 1L << 40)]
    [InlineData("1 tebibyte", 1L << 40)]
    [InlineData("1 PiB", 1L << 50)]
    [InlineData("1 EB", 1_000_000_000_000_000_000L)]
    [InlineData("1.5 KiB", 1536L)]
    public void Sizes_are_a_number_and_a_unit(string written, long bytes)
    {
        Assert.Equal(bytes, Conf.Load($"s = \"{written}\"").GetBytes("s"));
    }

    [Fact]
    public void A_bare_number_is_bytes()
    {
        Assert.Equal(4096L, Conf.Load("s = 4096").GetBytes("s"));
    }

    [Fact]
    public void A_bad_size_names_value_place_and_expectation()
    {
        var error = Assert.Throws<HoconException>(() => Conf.Load("cache = 64 KB").GetBytes("cache"));

        Assert.Equal("test.conf:1:9: bad size \"64 KB\" at cache (expected a number and a unit such as B, KiB, MB)", error.Message);
    }

    [Theory]
    [InlineData("s = 1.5 B", "bad size \"1.5 B\" at s (not a whole number of bytes)")]
    [InlineData("s = 16 EiB", "bad size \"16 EiB\" at s (out of range for a 64-bit byte count)")]
    [InlineData("s = 1 YB", "bad size \"1 YB\" at s (out of range for a 64-bit byte count)")]
    [InlineData("s = 99999999 YiB", "bad size \"99999999 YiB\" at s (out of range for a 64-bit byte count)")]
    public void Impossible_sizes_are_errors(string text, string reason)
    {
        Assert.Equal(reason, Assert.Throws<HoconException>(() => Conf.Load(text).GetBytes("s")).Reason);
    }
}
