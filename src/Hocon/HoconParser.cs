using System.Text;

namespace ActorHyper.Hocon;

/// <summary>Reads the tokens of one document into an unresolved <see cref="ObjectNode"/> tree.</summary>
internal sealed class HoconParser
{
    private readonly List<Token> _tokens;
    private readonly DocumentContext _context;
    private int _next;

    // How many arrays enclose what is being parsed: fields there have no path a substitution could name.
    private int _arrayDepth;

    private HoconParser(List<Token> tokens, DocumentContext context)
    {
        _tokens = tokens;
        _context = context;
    }

    /// <summary>Parses a whole document, which must be an object (with or without its root braces).</summary>
    public static ObjectNode ParseDocument(string text, DocumentContext context)
    {
        var parser = new HoconParser(Tokenizer.Tokenize(text, context.Origin), context);
        return parser.ParseRoot();
    }

    private Token Peek() => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private ObjectNode ParseRoot()
    {
        SkipWhitespace(includingNewlines: true);
        var first = Peek();
        if (first.Kind == TokenKind.OpenBracket)
        {
            throw new HoconException(first.Position, "a configuration document must be an object, not an array");
        }

        if (first.Kind != TokenKind.OpenBrace)
        {
            return ParseObjectBody(first.Position, braced: false, _context.Prefix);
        }

        Take();
        var root = ParseObjectBody(first.Position, braced: true, _context.Prefix);
        SkipWhitespace(includingNewlines: true);
        var after = Peek();
        if (after.Kind != TokenKind.End)
        {
            throw new HoconException(after.Position, $"unexpected {after.Describe()} after the root object's closing '}}'");
        }

        return root;
    }

    /// <summary>Fields up to the closing brace, or to the end of input for a document without root braces.</summary>
    private ObjectNode ParseObjectBody(HoconPosition opened, bool braced, HoconPath path)
    {
        var result = new ObjectNode(opened);
        while (true)
        {
            SkipWhitespace(includingNewlines: true);
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.CloseBrace when braced:
                    Take();
                    return result;
                case TokenKind.CloseBrace:
                    throw new HoconException(token.Position, "unbalanced '}' with no '{' to close");
                case TokenKind.End when braced:
                    throw new HoconException(token.Position, $"unclosed '{{' opened at {opened.Line}:{opened.Column}");
                case TokenKind.End:
                    return result;
                case TokenKind.Comma:
                    throw new HoconException(token.Position, "unexpected ',' (expected a field; two commas in a row or a leading comma are not allowed)");
                case TokenKind.UnquotedText when token.Text == "include":
                    ParseInclude(result, path);
                    break;
                default:
                    ParseField(result, path);
                    break;
            }

            TakeSeparator(TokenKind.CloseBrace, "after a field");
        }
    }

    private void ParseField(ObjectNode target, HoconPath objectPath)
    {
        var keyStart = Peek().Position;
        var keyTokens = new List<Token>();
        var written = new StringBuilder();
        while (Peek().Kind is TokenKind.UnquotedText or TokenKind.QuotedString or TokenKind.Number
            or TokenKind.True or TokenKind.False or TokenKind.Null or TokenKind.Whitespace)
        {
            var token = Take();
            keyTokens.Add(token);
            written.Append(token.Kind == TokenKind.QuotedString ? $"\"{token.Text}\"" : token.Text);
        }

        if (keyTokens.Count == 0)
        {
            var unexpected = Peek();
            throw new HoconException(unexpected.Position, $"expected a key, found {unexpected.Describe()}");
        }

        var key = HoconPath.FromTokens(keyTokens, keyStart, written.ToString().Trim());
        var fieldPath = objectPath.Concat(key);
        SkipNewlinesBefore(TokenKind.Colon, TokenKind.Equals, TokenKind.PlusEquals, TokenKind.OpenBrace);
        var separator = Peek();
        var appends = false;
        switch (separator.Kind)
        {
            case TokenKind.Colon:
            case TokenKind.Equals:
                Take();
                break;
            case TokenKind.PlusEquals:
                Take();
                appends = true;
                break;
            case TokenKind.OpenBrace:
                break;
            case TokenKind.Substitution:
                throw new HoconException(separator.Position, "substitutions are not allowed in keys");
            default:
                throw new HoconException(separator.Position, $"expected ':', '=', '+=' or '{{' after key \"{key}\", found {separator.Describe()}");
        }

        SkipWhitespace(includingNewlines: true);

        // The value of "a += x" becomes an array element.
        _arrayDepth += appends ? 1 : 0;
        var value = ParseValue(fieldPath);
        _arrayDepth -= appends ? 1 : 0;
        if (appends)
        {
            value = Append(target, key, fieldPath, value, keyStart);
        }

        // "a.b.c = v" is "a { b { c = v } }".
        for (var i = key.Keys.Count - 1; i > 0; i--)
        {
            var wrapper = new ObjectNode(keyStart);
            wrapper.Add(key.Keys[i], value);
            value = wrapper;
        }

        target.Add(key.Keys[0], value);
    }

    /// <summary>"a += x" means "a = ${?a} [x]": x appended to whatever a held before.</summary>
    private Node Append(ObjectNode target, HoconPath key, HoconPath fieldPath, Node value, HoconPosition keyStart)
    {
        var element = new ArrayNode([value], value.Position);
        if (_arrayDepth == 0)
        {
            var previous = new SubstitutionNode(fieldPath, null, isOptional: true, treeOnly: true, $"${{?{fieldPath}}}", keyStart);
            return new ConcatenationNode([previous, element], ["", ""], keyStart);
        }

        // Inside an array no substitution can reach the field, so "previous value" can only mean an
        // earlier definition in the same object, which is at hand.
        Node? existing = target;
        foreach (var step in key.Keys)
        {
            existing = existing is ObjectNode obj && obj.TryGetField(step, out var child) ? child : null;
        }

        return existing is null ? element : new ConcatenationNode([existing, element], ["", ""], keyStart);
    }

    /// <summary>One value, or several on one line concatenated (whitespace between them is kept for strings).</summary>
    private Node ParseValue(HoconPath path)
    {
        var parts = new List<Node>();
        var gaps = new List<string>();
        var gap = string.Empty;
        while (true)
        {
            var token = Peek();
            if (IsValueStart(token.Kind))
            {
                parts.Add(ParseSingleValue(path));
                gaps.Add(gap);
                gap = string.Empty;
            }
            else if (token.Kind == TokenKind.Whitespace && parts.Count > 0)
            {
                gap = Take().Text;
            }
            else
            {
                break;
            }
        }

        if (parts.Count == 0)
        {
            var unexpected = Peek();
            throw new HoconException(unexpected.Position, $"expected a value, found {unexpected.Describe()}");
        }

        return parts.Count == 1 ? parts[0] : Concatenate(parts, gaps);
    }

    private static bool IsValueStart(TokenKind kind) => kind is TokenKind.OpenBrace or TokenKind.OpenBracket
        or TokenKind.QuotedString or TokenKind.UnquotedText or TokenKind.Number
        or TokenKind.True or TokenKind.False or TokenKind.Null or TokenKind.Substitution;

    private static Node Concatenate(List<Node> parts, List<string> gaps)
    {
        var position = parts[0].Position;

        // Without substitutions the result is known now; fold it so later merges see a plain value.
        if (parts.TrueForAll(part => part is SimpleNode))
        {
            var text = new StringBuilder();
            for (var i = 0; i < parts.Count; i++)
            {
                text.Append(gaps[i]).Append(((SimpleNode)parts[i]).ConcatenationText);
            }

            return new SimpleNode(new HoconString(text.ToString(), position), position);
        }

        if (parts.TrueForAll(part => part is ObjectNode))
        {
            return parts.Cast<ObjectNode>().Aggregate(NodeMerger.MergeObjects);
        }

        if (parts.TrueForAll(part => part is ArrayNode))
        {
            return new ArrayNode([.. parts.SelectMany(part => ((ArrayNode)part).Items)], position);
        }

        // Mixing kinds is an error whatever the substitutions turn out to be, so report it now.
        var kinds = new List<string>();
        if (parts.Exists(part => part is ObjectNode))
        {
            kinds.Add("an object");
        }

        if (parts.Exists(part => part is ArrayNode))
        {
            kinds.Add("an array");
        }

        if (kinds.Count > 0 && parts.Exists(part => part is SimpleNode))
        {
            kinds.Add("a string");
        }

        return kinds.Count > 1
            ? throw new HoconException(position, $"cannot concatenate {string.Join(" with ", kinds)} (only strings, only arrays, or only objects can be joined)")
            : new ConcatenationNode(parts, gaps, position);
    }

    private Node ParseSingleValue(HoconPath path)
    {
        var token = Take();
        var position = token.Position;
        return token switch
        {
            { Kind: TokenKind.OpenBrace } => ParseObjectBody(position, braced: true, path),
            { Kind: TokenKind.OpenBracket } => ParseArray(position, path),
            { Kind: TokenKind.QuotedString or TokenKind.UnquotedText } => new SimpleNode(new HoconString(token.Text, position), position),
            { Kind: TokenKind.Number } => new SimpleNode(new HoconNumber(token.Text, position), position),
            { Kind: TokenKind.True } => new SimpleNode(new HoconBoolean(true, position), position),
            { Kind: TokenKind.False } => new SimpleNode(new HoconBoolean(false, position), position),
            { Kind: TokenKind.Null } => new SimpleNode(new HoconNull(position), position),
            SubstitutionToken substitution => MakeSubstitution(substitution),
            _ => throw new InvalidOperationException($"{token.Kind} does not start a value"),
        };
    }

    private SubstitutionNode MakeSubstitution(SubstitutionToken token) =>
        _context.Prefix.IsRoot
            ? new SubstitutionNode(token.Path, null, token.IsOptional, treeOnly: false, token.Text, token.Position)

            // Written in an included file: look first relative to where the file was included, then from the root.
            : new SubstitutionNode(_context.Prefix.Concat(token.Path), token.Path, token.IsOptional, treeOnly: false, token.Text, token.Position);

    private ArrayNode ParseArray(HoconPosition opened, HoconPath path)
    {
        _arrayDepth++;
        var items = ParseArrayItems(opened, path);
        _arrayDepth--;
        return new ArrayNode(items, opened);
    }

    private List<Node> ParseArrayItems(HoconPosition opened, HoconPath path)
    {
        var items = new List<Node>();
        while (true)
        {
            SkipWhitespace(includingNewlines: true);
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.CloseBracket:
                    Take();
                    return items;
                case TokenKind.End:
                    throw new HoconException(token.Position, $"unclosed '[' opened at {opened.Line}:{opened.Column}");
                case TokenKind.Comma:
                    throw new HoconException(token.Position, "unexpected ',' (expected an array element; two commas in a row or a leading comma are not allowed)");
                default:
                    items.Add(ParseValue(path));
                    break;
            }

            TakeSeparator(TokenKind.CloseBracket, "between array elements");
        }
    }

    /// <summary>
    /// After a field or an array element: takes a comma, or accepts a newline, the end or the
    /// <paramref name="closing"/> token, which the caller's loop handles.
    /// </summary>
    private void TakeSeparator(TokenKind closing, string where)
    {
        SkipWhitespace(includingNewlines: false);

        // The comma may also start a later line: "a = 1\n, b = 2".
        SkipNewlinesBefore(TokenKind.Comma);
        var separator = Peek();
        if (separator.Kind == TokenKind.Comma)
        {
            Take();
        }
        else if (separator.Kind != closing && separator.Kind is not (TokenKind.Newline or TokenKind.End))
        {
            throw new HoconException(separator.Position, $"expected ',' or a newline {where}, found {separator.Describe()}");
        }
    }

    /// <summary>
    /// <c>include "name"</c>, <c>include file("name")</c>, <c>include required(...)</c>: the included
    /// object's fields take the place of the statement, merging like duplicate keys.
    /// </summary>
    private void ParseInclude(ObjectNode target, HoconPath path)
    {
        var keyword = Take();
        SkipWhitespace(includingNewlines: true);

        // '(' is legal in unquoted text, so "required(file(" arrives as unquoted tokens before the quoted name.
        var opening = new StringBuilder();
        while (Peek().Kind is TokenKind.UnquotedText or TokenKind.Whitespace)
        {
            var token = Take();
            if (token.Kind == TokenKind.UnquotedText)
            {
                opening.Append(token.Text);
            }
        }

        var name = Peek();
        if (name.Kind != TokenKind.QuotedString)
        {
            throw new HoconException(name.Position, $"include must be followed by a quoted file name, file(\"...\") or required(...); found {name.Describe()}");
        }

        Take();
        var (required, closers) = opening.ToString() switch
        {
            "" => (false, 0),
            "file(" => (false, 1),
            "required(" => (true, 1),
            "required(file(" => (true, 2),
            var other when other.Contains("url(", StringComparison.Ordinal) || other.Contains("classpath(", StringComparison.Ordinal) =>
                throw new HoconException(keyword.Position, $"include {other}...: only files can be included here; use file(\"...\")"),
            var other => throw new HoconException(keyword.Position, $"include {other}...: expected file(\"...\") or required(...)"),
        };
        ExpectClosingParentheses(closers, name);

        var included = IncludeResolver.Include(name.Text, required, keyword.Position, _context with { Prefix = path });
        if (included is null)
        {
            return;
        }

        foreach (var (key, value) in included.Fields)
        {
            target.Add(key, value);
        }
    }

    private void ExpectClosingParentheses(int count, Token after)
    {
        while (count > 0)
        {
            SkipWhitespace(includingNewlines: true);
            var token = Peek();
            if (token.Kind != TokenKind.UnquotedText || token.Text.Length > count || token.Text.Any(c => c != ')'))
            {
                throw new HoconException(token.Position, $"expected ')' after include {after.Describe()}, found {token.Describe()}");
            }

            Take();
            count -= token.Text.Length;
        }
    }

    /// <summary>
    /// Skips newlines (and the whitespace and comments around them) when the next token after them is one of
    /// <paramref name="kinds"/>; otherwise leaves the newline for the caller to report or treat as a separator.
    /// </summary>
    private void SkipNewlinesBefore(params TokenKind[] kinds)
    {
        var ahead = _next;
        while (_tokens[ahead].Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            ahead++;
        }

        if (Array.IndexOf(kinds, _tokens[ahead].Kind) >= 0)
        {
            _next = ahead;
        }
    }

    private void SkipWhitespace(bool includingNewlines)
    {
        while (Peek().Kind == TokenKind.Whitespace || (includingNewlines && Peek().Kind == TokenKind.Newline))
        {
            _next++;
        }
    }
}
