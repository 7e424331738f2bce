using System.Globalization;

namespace ActorHyper.Hocon;

/// <summary>
/// The spec's "units format": optional whitespace, a number, optional whitespace, an optional unit
/// made of letters, optional whitespace. Used for durations and sizes.
/// </summary>
internal static class UnitText
{
    public static bool TryParse(string text, out decimal number, out string unit)
    {
        number = 0;
        unit = string.Empty;
        var span = text.AsSpan().Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsLetter(span[unitStart - 1]))
        {
            unitStart--;
        }

        // Letters at the end are the unit, so "1E" is one exabyte-style unit rather than a broken exponent.
        var numberText = span[..unitStart].TrimEnd();
        if (numberText.IsEmpty
            || !decimal.TryParse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        unit = span[unitStart..].ToString();
        return true;
    }
}
