using System.ComponentModel;
using System.Globalization;
using ActorHyper.Runtime.Hocon;

namespace ActorHyper.Host.Configuration;

/// <summary>A length of time written with HOCON units (<c>30s</c>, <c>500 ms</c>), bindable from configuration.</summary>
[TypeConverter(typeof(HoconDurationConverter))]
public readonly record struct HoconDuration(TimeSpan Value)
{
    public override string ToString() => Value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
}

/// <summary>Lets <c>ConfigurationBinder</c> turn <c>"30s"</c> into a <see cref="HoconDuration"/>.</summary>
public sealed class HoconDurationConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? HoconUnits.TryParseDuration(text, out var duration, out var problem)
                ? new HoconDuration(duration)
                : throw new FormatException($"bad duration \"{text}\" ({problem})")
            : base.ConvertFrom(context, culture, value);
}
