using System.ComponentModel;
using System.Globalization;
using ActorHyper.Hocon;

namespace ActorHyper.Host.Configuration;

/// <summary>A length of time written with HOCON units (<c>30s</c>, <c>500 ms</c>), bindable from configuration.</summary>
[TypeConverter(typeof(HoconDurationConverter))]
public readonly record struct HoconDuration(TimeSpan Value)
{
    public override string ToString() => Value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
}

/// <summary>Lets <c>ConfigurationBinder</c> turn <c>"30s"</c> into a <see cref="HoconDuration"/>.</summary>
public sealed class HoconDurationConverter() : HoconUnitConverter<HoconDuration>("duration")
{
    protected override bool TryParse(string text, out HoconDuration value, out string problem)
    {
        var parsed = HoconUnits.TryParseDuration(text, out var duration, out problem);
        value = new HoconDuration(duration);
        return parsed;
    }
}
