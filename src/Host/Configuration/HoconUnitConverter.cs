using System.ComponentModel;
using System.Globalization;

namespace ActorHyper.Host.Configuration;

/// <summary>
/// Lets <c>ConfigurationBinder</c> turn a string written with HOCON units into <typeparamref name="T"/>;
/// a string it cannot read is a <see cref="FormatException"/> naming <paramref name="what"/>, which
/// the binder reports at the setting's position.
/// </summary>
public abstract class HoconUnitConverter<T>(string what) : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? TryParse(text, out var parsed, out var problem)
                ? parsed
                : throw new FormatException($"bad {what} \"{text}\" ({problem})")
            : base.ConvertFrom(context, culture, value);

    protected abstract bool TryParse(string text, out T value, out string problem);
}
