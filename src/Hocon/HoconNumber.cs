using System.Globalization;

namespace ActorHyper.Hocon;

/// <summary>
/// A resolved number. It keeps the text it was written with, so <c>10</c> stays an integer,
/// <c>1.5</c> a double, and <c>1e5</c> renders as written.
/// </summary>
public sealed class HoconNumber : HoconValue
{
    internal HoconNumber(string text, HoconPosition? position)
        : base(position)
    {
        Text = text;
    }

    /// <summary>The number exactly as written (always valid JSON).</summary>
    public string Text { get; }

    /// <summary>True when written without a fraction or exponent.</summary>
    public bool IsInteger => Text.AsSpan().IndexOfAny(".eE") < 0;

    /// <summary>The value as a long, if it is a whole number in range (so <c>2.0</c> and <c>1e3</c> qualify).</summary>
    public bool TryGetInt64(out long value)
    {
        if (long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && exact == decimal.Truncate(exact)
            && exact >= long.MinValue
            && exact <= long.MaxValue)
        {
            value = (long)exact;
            return true;
        }

        value = 0;
        return false;
    }

    public double ToDouble() => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    internal override string Describe() => $"number {Text}";
}
