namespace ActorHyper.Hocon;

/// <summary>A <c>${path}</c> or <c>${?path}</c> token with its path already parsed.</summary>
internal sealed record SubstitutionToken(HoconPath Path, bool IsOptional, string Text, HoconPosition Position)
    : Token(TokenKind.Substitution, Text, Position);
