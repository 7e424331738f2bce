using System.Globalization;
using System.Text;

namespace HoconConformance;

/// <summary>Reads Scala string literals ("..." with escapes, and raw """...""") out of Scala source text.</summary>
internal static class ScalaStringLiterals
{
    /// <summary>The literal starting at <paramref name="index"/> (which must be a quote) and the index after it.</summary>
    public static (string Value, int End) Read(string source, int index)
    {
        if (string.CompareOrdinal(source, index, "\"\"\"", 0, 3) == 0)
        {
            var close = source.IndexOf("\"\"\"", index + 3, StringComparison.Ordinal);

            // As in Scala, extra quotes before the closing three belong to the string.
            while (close + 3 < source.Length && source[close + 3] == '"')
            {
                close++;
            }

            return (source[(index + 3)..close], close + 3);
        }

        var value = new StringBuilder();
        var i = index + 1;
        while (source[i] != '"')
        {
            if (source[i] != '\\')
            {
                value.Append(source[i++]);
                continue;
            }

            var escaped = source[i + 1];
            i += 2;
            switch (escaped)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'u':
                    while (source[i] == 'u')
                    {
                        i++;
                    }

                    value.Append((char)int.Parse(source.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: value.Append(escaped); break;
            }
        }

        return (value.ToString(), i + 1);
    }

    /// <summary>The index just after the string or character literal or comment at <paramref name="index"/>, or -1 when there is none.</summary>
    public static int Skip(string source, int index)
    {
        if (source[index] == '"')
        {
            return Read(source, index).End;
        }

        if (string.CompareOrdinal(source, index, "//", 0, 2) == 0)
        {
            var end = source.IndexOf('\n', index);
            return end < 0 ? source.Length : end;
        }

        if (string.CompareOrdinal(source, index, "/*", 0, 2) == 0)
        {
            return source.IndexOf("*/", index, StringComparison.Ordinal) + 2;
        }

        if (source[index] == '\'' && index + 2 < source.Length)
        {
            if (source[index + 1] == '\\')
            {
                return source.IndexOf('\'', index + 2) + 1;
            }

            if (source[index + 2] == '\'')
            {
                return index + 3;
            }
        }

        return -1;
    }
}
