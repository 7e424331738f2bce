using System.Text;

namespace ActorHyper.Hocon;

/// <summary>A path through the object tree: the keys from the root, as parsed from a path expression.</summary>
internal sealed class HoconPath
{
    private readonly string[] _keys;

    private HoconPath(string[] keys)
    {
        _keys = keys;
    }

    public static HoconPath Root { get; } = new([]);

    public IReadOnlyList<string> Keys => _keys;

    public bool IsRoot => _keys.Length == 0;

    public HoconPath Append(string key) => new([.. _keys, key]);

    public HoconPath Concat(HoconPath other) => new([.. _keys, .. other._keys]);

    /// <summary>Parses a path expression written by a program or user, such as <c>a.b."c.d"</c>.</summary>
    public static HoconPath Parse(string expression, string origin = "path expression")
    {
        var tokens = Tokenizer.Tokenize(expression, origin);
        var pathTokens = new List<Token>();
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.End:
                    break;
                case var _ when token.CanBeInPath:
                    pathTokens.Add(token);
                    break;
                default:
                    throw new HoconException(token.Position, $"{token.Describe()} is not allowed in path expression \"{expression}\"");
            }
        }

        return FromTokens(pathTokens, new HoconPosition(origin, 1, 1), expression);
    }

    /// <summary>
    /// Builds a path from the tokens of a key or substitution. Dots split keys except inside quotes;
    /// whitespace between tokens is part of the key, whitespace around the whole expression is not.
    /// </summary>
    public static HoconPath FromTokens(IReadOnlyList<Token> tokens, HoconPosition position, string written)
    {
        var first = 0;
        var last = tokens.Count - 1;
        while (first <= last && tokens[first].Kind == TokenKind.Whitespace)
        {
            first++;
        }

        while (last >= first && tokens[last].Kind == TokenKind.Whitespace)
        {
            last--;
        }

        if (first > last)
        {
            throw new HoconException(position, $"empty path expression \"{written}\"");
        }

        var keys = new List<string>();
        var key = new StringBuilder();
        var keyHasQuotes = false;

        void FinishKey()
        {
            if (key.Length == 0 && !keyHasQuotes)
            {
                throw new HoconException(position, $"invalid path expression \"{written}\": empty key (write \"\" for an empty key)");
            }

            keys.Add(key.ToString());
            key.Clear();
            keyHasQuotes = false;
        }

        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.QuotedString)
            {
                key.Append(token.Text);
                keyHasQuotes = true;
                continue;
            }

            if (token.Kind == TokenKind.Whitespace)
            {
                key.Append(token.Text);
                continue;
            }

            // Unquoted text, numbers and keywords: their dots separate keys ("1.5" is the path 1 then 5).
            var pieces = token.Text.Split('.');
            key.Append(pieces[0]);
            for (var p = 1; p < pieces.Length; p++)
            {
                FinishKey();
                key.Append(pieces[p]);
            }
        }

        FinishKey();
        return new HoconPath([.. keys]);
    }

    /// <summary>The keys joined with dots, as environment variable names are looked up.</summary>
    public string ToEnvironmentName() => string.Join('.', _keys);

    /// <summary>A path expression that parses back to this path; keys are quoted where needed.</summary>
    public override string ToString() => string.Join('.', _keys.Select(RenderKey));

    /// <summary>One key as it would be written in a path expression.</summary>
    public static string RenderKey(string key) =>
        key.Length > 0 && key.All(c => char.IsLetterOrDigit(c) || c is '-' or '_')
            ? key
            : "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
