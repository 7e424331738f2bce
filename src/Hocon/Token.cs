namespace ActorHyper.Hocon;

/// <summary>One lexical token. <see cref="Text"/> is the decoded value for quoted strings, the source text otherwise.</summary>
internal record Token(TokenKind Kind, string Text, HoconPosition Position)
{
    /// <summary>Whether the token can be part of a path expression (a key, or inside <c>${...}</c>).</summary>
    public bool CanBeInPath => Kind is TokenKind.Whitespace or TokenKind.QuotedString or TokenKind.UnquotedText
        or TokenKind.Number or TokenKind.True or TokenKind.False or TokenKind.Null;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Newline => "a newline",
        TokenKind.QuotedString => $"quoted string \"{Text}\"",
        TokenKind.Substitution => $"substitution {Text}",
        _ => $"'{Text}'",
    };
}
