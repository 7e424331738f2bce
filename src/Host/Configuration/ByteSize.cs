using System.ComponentModel;
using System.Globalization;
using ActorHyper.Hocon;

namespace ActorHyper.Host.Configuration;

/// <summary>A number of bytes written with HOCON units (<c>64 MiB</c>), bindable from configuration.</summary>
[TypeConverter(typeof(ByteSizeConverter))]
public readonly record struct ByteSize(long Bytes)
{
    public override string ToString() => Bytes.ToString(CultureInfo.InvariantCulture) + " B";
}

/// <summary>Lets <c>ConfigurationBinder</c> turn <c>"64 MiB"</c> into a <see cref="ByteSize"/>.</summary>
public sealed class ByteSizeConverter() : HoconUnitConverter<ByteSize>("size")
{
    protected override bool TryParse(string text, out ByteSize value, out string problem)
    {
        var parsed = HoconUnits.TryParseBytes(text, out var bytes, out problem);
        value = new ByteSize(bytes);
        return parsed;
    }
}
