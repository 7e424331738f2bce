using System.Globalization;
using System.Text;

namespace ActorHyper.Hocon;

/// <summary>Splits HOCON text into tokens, dropping comments and tracking line and column.</summary>
internal sealed class Tokenizer
{
    // Characters that end an unquoted string. Some have meaning in HOCON; the rest are reserved by the spec.
    private const string NotInUnquotedText = "$\"{}[]:=,+#`^?!@*&\\";

    private static readonly (string Keyword, TokenKind Kind)[] Keywords =
    [
        ("true", TokenKind.True),
        ("false", TokenKind.False),
        ("null", TokenKind.Null),
    ];

    private readonly string _text;
    private readonly string _origin;
    private int _index;
    private int _line = 1;
    private int _column = 1;

    private Tokenizer(string text, string origin)
    {
        _text = text;
        _origin = origin;
    }

    private HoconPosition Here => new(_origin, _line, _column);

    private char Current => _text[_index];

    private bool AtEnd => _index >= _text.Length;

    /// <summary>All tokens of <paramref name="text"/>, ending with one <see cref="TokenKind.End"/> token.</summary>
    public static List<Token> Tokenize(string text, string origin)
    {
        var tokenizer = new Tokenizer(text, origin);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = tokenizer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.End);

        return tokens;
    }

    /// <summary>HOCON whitespace: Unicode separators, the ASCII controls the spec lists, and the BOM.</summary>
    public static bool IsWhitespace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or '\u001C' or '\u001D' or '\u001E' or '\u001F' or '\uFEFF' => true,
        _ => char.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator,
    };

    private Token Next()
    {
        SkipComment();
        var start = Here;
        if (AtEnd)
        {
            return new Token(TokenKind.End, string.Empty, start);
        }

        var c = Current;
        if (c == '\n')
        {
            Advance();
            return new Token(TokenKind.Newline, "\n", start);
        }

        if (IsWhitespace(c))
        {
            return ReadWhitespace(start);
        }

        switch (c)
        {
            case ',':
                return Single(TokenKind.Comma, start);
            case ':':
                return Single(TokenKind.Colon, start);
            case '=':
                return Single(TokenKind.Equals, start);
            case '{':
                return Single(TokenKind.OpenBrace, start);
            case '}':
                return Single(TokenKind.CloseBrace, start);
            case '[':
                return Single(TokenKind.OpenBracket, start);
            case ']':
                return Single(TokenKind.CloseBracket, start);
            case '+':
                if (Peek(1) != '=')
                {
                    throw new HoconException(start, "'+' is only allowed as part of '+='; quote the value to use it in a string");
                }

                Advance(2);
                return new Token(TokenKind.PlusEquals, "+=", start);
            case '$':
                if (Peek(1) != '{')
                {
                    throw new HoconException(start, "'$' must start a substitution '${...}'; quote the value to use it in a string");
                }

                return ReadSubstitution(start);
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? ReadTripleQuoted(start) : ReadQuoted(start);
            default:
                break;
        }

        if (NotInUnquotedText.Contains(c, StringComparison.Ordinal))
        {
            throw new HoconException(start, $"character '{c}' is reserved and not allowed outside quotes; quote the value to use it");
        }

        var numberLength = JsonNumberSyntax.Match(_text, _index);
        if (numberLength > 0)
        {
            // "10e+3e" is no number, and as unquoted text its '+' would be reserved.
            var run = NumberLikeRun();
            if (run.Length > numberLength && run.Contains('+', StringComparison.Ordinal))
            {
                throw new HoconException(start, $"\"{run}\" is not a number, and '+' is not allowed outside quotes; quote the value to use it in a string");
            }

            var number = _text.Substring(_index, numberLength);
            Advance(numberLength);
            return new Token(TokenKind.Number, number, start);
        }

        return ReadKeywordOrUnquoted(start);
    }

    /// <summary>The characters from here that can appear in a number, whether or not they form one.</summary>
    private string NumberLikeRun()
    {
        var end = _index;
        while (end < _text.Length && "0123456789eE+-.".Contains(_text[end], StringComparison.Ordinal))
        {
            end++;
        }

        return _text[_index..end];
    }

    private void SkipComment()
    {
        if (!AtEnd && (Current == '#' || (Current == '/' && Peek(1) == '/')))
        {
            // The newline stays: it still separates fields.
            while (!AtEnd && Current != '\n')
            {
                Advance();
            }
        }
    }

    private Token Single(TokenKind kind, HoconPosition start)
    {
        var text = Current.ToString();
        Advance();
        return new Token(kind, text, start);
    }

    private Token ReadWhitespace(HoconPosition start)
    {
        var from = _index;
        while (!AtEnd && Current != '\n' && IsWhitespace(Current))
        {
            Advance();
        }

        return new Token(TokenKind.Whitespace, _text[from.._index], start);
    }

    private Token ReadKeywordOrUnquoted(HoconPosition start)
    {
        // Only the start of an unquoted run can be a keyword: "truefoo" is true then "foo", "footrue" is one string.
        foreach (var (keyword, kind) in Keywords)
        {
            if (string.CompareOrdinal(_text, _index, keyword, 0, keyword.Length) == 0)
            {
                Advance(keyword.Length);
                return new Token(kind, keyword, start);
            }
        }

        var from = _index;
        while (!AtEnd
            && !IsWhitespace(Current)
            && !NotInUnquotedText.Contains(Current, StringComparison.Ordinal)
            && !(Current == '/' && Peek(1) == '/'))
        {
            Advance();
        }

        return new Token(TokenKind.UnquotedText, _text[from.._index], start);
    }

    private Token ReadQuoted(HoconPosition start)
    {
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                throw new HoconException(start, "unterminated quoted string (use \"\"\" for text spanning lines)");
            }

            var c = Current;
            if (c == '"')
            {
                Advance();
                return new Token(TokenKind.QuotedString, value.ToString(), start);
            }

            if (c == '\\')
            {
                value.Append(ReadEscape());
                continue;
            }

            if (char.IsControl(c))
            {
                throw new HoconException(Here, $"control character U+{(int)c:X4} must be escaped in a quoted string");
            }

            value.Append(c);
            Advance();
        }
    }

    private char ReadEscape()
    {
        var at = Here;
        Advance();
        if (AtEnd)
        {
            throw new HoconException(at, "unterminated escape sequence");
        }

        var c = Current;
        Advance();
        switch (c)
        {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (_index + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    Advance(4);
                    return (char)code;
                }

                throw new HoconException(at, "'\\u' must be followed by four hex digits");
            default:
                throw new HoconException(at, $"invalid escape '\\{c}' in quoted string");
        }
    }

    private Token ReadTripleQuoted(HoconPosition start)
    {
        Advance(3);
        var from = _index;
        while (!AtEnd)
        {
            if (Current != '"')
            {
                Advance();
                continue;
            }

            var runStart = _index;
            while (!AtEnd && Current == '"')
            {
                Advance();
            }

            // Any run of three or more quotes closes the string; quotes beyond the last three belong to it.
            if (_index - runStart >= 3)
            {
                return new Token(TokenKind.QuotedString, _text[from..(_index - 3)], start);
            }
        }

        throw new HoconException(start, "unterminated triple-quoted string");
    }

    private SubstitutionToken ReadSubstitution(HoconPosition start)
    {
        var from = _index;
        Advance(2);
        var optional = !AtEnd && Current == '?';
        if (optional)
        {
            Advance();
        }

        var pathTokens = new List<Token>();
        while (true)
        {
            var token = Next();
            switch (token.Kind)
            {
                case TokenKind.CloseBrace:
                    var text = _text[from.._index];
                    var path = HoconPath.FromTokens(pathTokens, start, text);
                    return new SubstitutionToken(path, optional, text, start);
                case var _ when token.CanBeInPath:
                    pathTokens.Add(token);
                    break;
                case TokenKind.Newline:
                case TokenKind.End:
                    throw new HoconException(start, "unclosed substitution: '${' without '}' on the same line");
                default:
                    throw new HoconException(token.Position, $"{token.Describe()} is not allowed inside a substitution");
            }
        }
    }

    private char? Peek(int offset) => _index + offset < _text.Length ? _text[_index + offset] : null;

    private void Advance(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            if (_text[_index] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _index++;
        }
    }
}
