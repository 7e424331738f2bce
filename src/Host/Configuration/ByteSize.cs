using System.ComponentModel;
using System.Globalization;
using ActorHyper.Runtime.Hocon;

namespace ActorHyper.Host.Configuration;

/// <summary>A number of bytes written with HOCON units (<c>64 MiB</c>), bindable from configuration.</summary>
[TypeConverter(typeof(ByteSizeConverter))]
public readonly record struct ByteSize(long Bytes)
{
    public override string ToString() => Bytes.ToString(CultureInfo.InvariantCulture) + " B";
}

/// <summary>Lets <c>ConfigurationBinder</c> turn <c>"64 MiB"</c> into a <see cref="ByteSize"/>.</summary>
public sealed class ByteSizeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? HoconUnits.TryParseBytes(text, out var bytes, out var problem)
                ? new ByteSize(bytes)
                : throw new FormatException($"bad size \"{text}\" ({problem})")
            : base.ConvertFrom(context, culture, value);
}
