using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>Values, value concatenations, arrays and substitutions.</summary>
internal sealed partial class DocumentParser
{
    /// <summary>
    /// Parses a value concatenation: simple values, objects, arrays and substitutions separated by
    /// non-newline whitespace, up to a newline, ',', '}', ']' or the end.
    /// </summary>
    /// <param name="fieldPath">The path of the field this is the value of (null in arrays), for nested objects.</param>
    private ConfigNode ParseValue(HoconPath? fieldPath)
    {
        var pieces = new List<ConcatPiece>();
        string? pendingSpace = null;
        var first = Peek();
        while (!(json && pieces.Count == 1))
        {
            var token = Peek();
            if (token.Kind == TokenKind.Whitespace)
            {
                Take();
                pendingSpace = pieces.Count > 0 ? token.Text : null;
                continue;
            }

            if (!StartsValue(token))
            {
                if (pieces.Count > 0 && token.Kind is TokenKind.Colon or TokenKind.Equals or TokenKind.PlusEquals)
                {
                    throw Error(token, $"'{token.Text}' is not allowed in an unquoted value; put the value in double quotes (for example \"http://host:80\")");
                }

                break;
            }

            if (pendingSpace is not null)
            {
                pieces.Add(ConcatPiece.Space(pendingSpace));
                pendingSpace = null;
            }

            pieces.Add(ConcatPiece.Of(ParseSingle(fieldPath)));
        }

        if (pieces.Count == 0)
        {
            var found = Peek();
            throw Error(found, $"expected a value but found {found.Describe()}");
        }

        return pieces.Count == 1 ? pieces[0].Node! : StaticConcatenation.Build(pieces, Origin(first));
    }

    private static bool StartsValue(Token token) => token.IsSimpleText
        || token.Kind is TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.SubstitutionStart;

    private ConfigNode ParseSingle(HoconPath? fieldPath)
    {
        var token = Peek();
        switch (token.Kind)
        {
            case TokenKind.OpenBrace:
                return ParseBracedObject(fieldPath);
            case TokenKind.OpenBracket:
                return ParseArray();
            case TokenKind.SubstitutionStart:
                return ParseSubstitution();
        }

        Take();
        var origin = Origin(token);
        HoconValue value = token.Kind switch
        {
            TokenKind.Quoted => new HoconString(token.Text, origin),
            TokenKind.Number => new HoconNumber(token.Text, origin),
            _ => token.Text switch
            {
                "true" => new HoconBoolean(true, origin),
                "false" => new HoconBoolean(false, origin),
                "null" => new HoconNull(origin),
                _ when json => throw Error(token, $"JSON does not allow unquoted text {token.Describe()}; put it in double quotes"),
                _ => new HoconString(token.Text, origin),
            },
        };
        return new ValueNode(value);
    }

    private ArrayNode ParseArray()
    {
        var open = Take();
        Enter(open);
        var items = new List<ConfigNode>();
        var afterComma = false;
        while (true)
        {
            SkipBlank();
            var token = Peek();
            if (token.Kind == TokenKind.End)
            {
                throw Error(open, "unterminated array: this '[' has no matching ']'");
            }

            if (token.Kind == TokenKind.CloseBracket)
            {
                if (afterComma && json)
                {
                    throw Error(token, "JSON does not allow a ',' before ']'");
                }

                Take();
                break;
            }

            if (token.Kind == TokenKind.Comma)
            {
                throw Error(token, afterComma ? "two ',' in a row in an array" : "unexpected ',': expected an array element");
            }

            items.Add(ParseValue(null));
            afterComma = TakeSeparator(TokenKind.CloseBracket, next => $"expected ',' or ']' after an array element but found {next.Describe()}");
        }

        Leave();
        return new ArrayNode(items, Origin(open));
    }

    private SubstitutionNode ParseSubstitution()
    {
        var start = Take();
        if (json)
        {
            throw Error(start, "substitutions are not allowed in JSON");
        }

        var tokens = new List<Token>();
        while (true)
        {
            var token = Peek();
            if (token.Kind == TokenKind.CloseBrace)
            {
                Take();
                break;
            }

            if (token.Kind is TokenKind.End or TokenKind.Newline)
            {
                throw Error(start, $"unterminated substitution: this '{start.Text}' has no matching '}}'");
            }

            if (!token.IsSimpleText && token.Kind != TokenKind.Whitespace)
            {
                throw Error(token, $"unexpected {token.Describe()} in a substitution; a substitution holds only a path, as in ${{a.b}}");
            }

            tokens.Add(Take());
        }

        var trimmed = TrimWhitespace(tokens);
        if (trimmed.Count == 0)
        {
            throw Error(start, "empty substitution: write the path to refer to inside ${ }");
        }

        return new SubstitutionNode(BuildPath(trimmed), start.Optional, context.SubstitutionPrefix, fallbackToRoot: true, Origin(start));
    }

    /// <summary>
    /// After an element of an object or array: takes a ',' (returns true), or accepts a newline
    /// (HOCON only) or the closing token; anything else is an error worded by <paramref name="unexpected"/>.
    /// </summary>
    private bool TakeSeparator(TokenKind closing, Func<Token, string> unexpected)
    {
        var sawNewline = SkipBlank();
        var next = Peek();
        if (next.Kind == TokenKind.Comma)
        {
            Take();
            return true;
        }

        if (next.Kind != closing && next.Kind != TokenKind.End && (json || !sawNewline))
        {
            throw Error(next, unexpected(next));
        }

        return false;
    }
}
