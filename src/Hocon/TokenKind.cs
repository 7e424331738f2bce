namespace ActorHyper.Hocon;

internal enum TokenKind
{
    /// <summary>A run of whitespace other than newline; kept because it matters inside value concatenations.</summary>
    Whitespace,
    Newline,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    QuotedString,
    UnquotedText,
    Number,
    True,
    False,
    Null,
    Substitution,
    End,
}
