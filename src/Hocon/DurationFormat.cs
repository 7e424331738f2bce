using System.Collections.Frozen;

namespace ActorHyper.Hocon;

/// <summary>Durations as the spec writes them: <c>10ms</c>, <c>5 s</c>, <c>2 minutes</c>; a bare number is milliseconds.</summary>
internal static class DurationFormat
{
    public const string Expected = "expected a number and a unit such as ms, s, minutes";

    private static readonly FrozenDictionary<string, decimal> NanosecondsPerUnit = BuildUnits();

    public static bool TryParse(string text, out TimeSpan duration, out string problem)
    {
        duration = TimeSpan.Zero;
        problem = Expected;
        if (!UnitText.TryParse(text, out var number, out var unit)
            || !NanosecondsPerUnit.TryGetValue(unit.Length == 0 ? "ms" : unit, out var nanoseconds))
        {
            return false;
        }

        // TimeSpan counts 100 ns ticks; finer durations round to the nearest tick.
        var ticks = decimal.Round(number * (nanoseconds / 100m), MidpointRounding.AwayFromZero);
        if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
        {
            problem = "out of range for a TimeSpan";
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    private static FrozenDictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);

        // Unit names are case sensitive and lowercase, per the spec.
        void Add(decimal nanoseconds, params string[] names)
        {
            foreach (var name in names)
            {
                units.Add(name, nanoseconds);
            }
        }

        Add(1m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(1_000m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(1_000_000m, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(1_000_000_000m, "s", "second", "seconds");
        Add(60_000_000_000m, "m", "minute", "minutes");
        Add(3_600_000_000_000m, "h", "hour", "hours");
        Add(86_400_000_000_000m, "d", "day", "days");
        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
