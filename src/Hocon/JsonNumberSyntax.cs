namespace ActorHyper.Hocon;

/// <summary>Recognises numbers exactly as JSON writes them, so that HOCON stays a JSON superset.</summary>
internal static class JsonNumberSyntax
{
    /// <summary>Length of the JSON number starting at <paramref name="start"/>, or 0 when there is none.</summary>
    public static int Match(string text, int start)
    {
        var i = start;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return 0;
        }

        // JSON forbids leading zeros: "01" is the number 0 followed by something else.
        i = text[i] == '0' ? i + 1 : SkipDigits(text, i);

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i = SkipDigits(text, i + 1);
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = SkipDigits(text, j);
            }
        }

        return i - start;
    }

    public static bool IsNumber(string text) => text.Length > 0 && Match(text, 0) == text.Length;

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }
}
