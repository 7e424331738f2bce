namespace ActorHyper.Hocon.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("10ms", 10 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5 s", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("2 minutes", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1 minute", TimeSpan.TicksPerMinute)]
    [InlineData("3m", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("1.5 s", 15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("2h", 2 * TimeSpan.TicksPerHour)]
    [InlineData("1 hour", TimeSpan.TicksPerHour)]
    [InlineData("3 days", 3 * TimeSpan.TicksPerDay)]
    [InlineData("1d", TimeSpan.TicksPerDay)]
    [InlineData("250 us", 2500)]
    [InlineData("7 microseconds", 70)]
    [InlineData("300 nanoseconds", 3)]
    [InlineData("200ns", 2)]
    [InlineData("4 millis", 4 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1 second", TimeSpan.TicksPerSecond)]
    [InlineData("  42 seconds  ", 42 * TimeSpan.TicksPerSecond)]
    [InlineData("-2 s", -2 * TimeSpan.TicksPerSecond)]
    public void Durations_are_a_number_and_a_unit(string written, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), Conf.Load($"d = \"{written}\"").GetDuration("d"));
    }

    [Fact]
    public void Unquoted_durations_read_the_same()
    {
        var config = Conf.Load("a = 10ms\nb = 5 s\nc = 2 minutes");

        Assert.Equal(TimeSpan.FromMilliseconds(10), config.GetDuration("a"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetDuration("b"));
        Assert.Equal(TimeSpan.FromMinutes(2), config.GetDuration("c"));
    }

    [Fact]
    public void A_bare_number_is_milliseconds()
    {
        var config = Conf.Load("a = 250\nb = 1.5\nc = \"75\"");

        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetDuration("a"));
        Assert.Equal(TimeSpan.FromTicks(15_000), config.GetDuration("b"));
        Assert.Equal(TimeSpan.FromMilliseconds(75), config.GetDuration("c"));
    }

    [Fact]
    public void A_bad_duration_names_value_place_and_expectation()
    {
        var error = Assert.Throws<HoconException>(() =>
            Conf.Load("actorhyper {\n    x = 10 parsecs\n}").GetDuration("actorhyper.x"));

        Assert.Equal("test.conf:2:9: bad duration \"10 parsecs\" at actorhyper.x (expected a number and a unit such as ms, s, minutes)", error.Message);
    }

    [Theory]
    [InlineData("d = 5 S")]
    [InlineData("d = ms")]
    [InlineData("d = \"\"")]
    [InlineData("d = 1 2 s")]
    public void Units_are_lowercase_and_the_number_is_required(string text)
    {
        var error = Assert.Throws<HoconException>(() => Conf.Load(text).GetDuration("d"));

        Assert.EndsWith("(expected a number and a unit such as ms, s, minutes)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_beyond_TimeSpan_are_out_of_range()
    {
        var error = Assert.Throws<HoconException>(() => Conf.Load("d = 99999999999 days").GetDuration("d"));

        Assert.Equal("bad duration \"99999999999 days\" at d (out of range for a TimeSpan)", error.Reason);
    }

    [Fact]
    public void Non_text_values_are_not_durations()
    {
        var error = Assert.Throws<HoconException>(() => Conf.Load("d = [1]").GetDuration("d"));

        Assert.Equal("wrong type at d: expected a duration, found an array", error.Reason);
    }
}
