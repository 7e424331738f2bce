using System.Collections.Frozen;

namespace ActorHyper.Hocon;

/// <summary>
/// Sizes as the spec writes them: <c>B</c>; powers of ten <c>kB</c>, <c>MB</c>, <c>kilobytes</c>...;
/// powers of two <c>K</c>, <c>Ki</c>, <c>KiB</c>, <c>kibibytes</c>...; a bare number is bytes.
/// </summary>
internal static class ByteSizeFormat
{
    public const string Expected = "expected a number and a unit such as B, KiB, MB";

    private static readonly FrozenDictionary<string, decimal> BytesPerUnit = BuildUnits();

    public static bool TryParse(string text, out long bytes, out string problem)
    {
        bytes = 0;
        problem = Expected;
        if (!UnitText.TryParse(text, out var number, out var unit)
            || !BytesPerUnit.TryGetValue(unit.Length == 0 ? "B" : unit, out var multiplier))
        {
            return false;
        }

        decimal exact;
        try
        {
            exact = number * multiplier;
        }
        catch (OverflowException)
        {
            exact = decimal.MaxValue;
        }

        if (exact < long.MinValue || exact > long.MaxValue)
        {
            problem = "out of range for a 64-bit byte count";
            return false;
        }

        if (exact != decimal.Truncate(exact))
        {
            problem = "not a whole number of bytes";
            return false;
        }

        bytes = (long)exact;
        return true;
    }

    private static FrozenDictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["B"] = 1m,
            ["b"] = 1m,
            ["byte"] = 1m,
            ["bytes"] = 1m,
        };

        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string Letters = "KMGTPEZY";
        var powerOfTen = 1m;
        var powerOfTwo = 1m;
        for (var i = 0; i < Letters.Length; i++)
        {
            powerOfTen *= 1000m;
            powerOfTwo *= 1024m;
            var letter = Letters[i];

            // Kilo alone is written with a lowercase k in kB.
            var decimalLetter = letter == 'K' ? "k" : letter.ToString();
            foreach (var name in new[] { decimalLetter + "B", decimalNames[i] + "byte", decimalNames[i] + "bytes" })
            {
                units.Add(name, powerOfTen);
            }

            // Single letters mean powers of two in either case, like java -Xmx and GNU ls.
            var lower = char.ToLowerInvariant(letter).ToString();
            foreach (var name in new[] { letter.ToString(), lower, letter + "i", letter + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                units.Add(name, powerOfTwo);
            }
        }

        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
