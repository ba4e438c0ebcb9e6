using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>Objects, fields, separators and commas.</summary>
internal sealed partial class DocumentParser
{
    private ObjectNode ParseBracedObject(HoconPath? path)
    {
        var open = Take();
        Enter(open);
        var result = ParseObjectBody(path, open, Origin(open));
        Leave();
        return result;
    }

    /// <param name="path">The object's path from the document root, or null inside an array.</param>
    /// <param name="open">The opening brace, or null for a document without root braces.</param>
    /// <param name="origin">Where the object starts.</param>
    private ObjectNode ParseObjectBody(HoconPath? path, Token? open, HoconOrigin origin)
    {
        var builder = new ObjectBuilder(origin);
        var afterComma = false;
        while (true)
        {
            SkipBlank();
            var token = Peek();
            if (token.Kind == TokenKind.End)
            {
                if (open is { } unclosed)
                {
                    throw Error(unclosed, "unterminated object: this '{' has no matching '}'");
                }

                return builder.Build();
            }

            if (token.Kind == TokenKind.CloseBrace)
            {
                if (open is null)
                {
                    throw Error(token, "unbalanced '}': there is no '{' for it to close");
                }

                if (afterComma && json)
                {
                    throw Error(token, "JSON does not allow a ',' before '}'");
                }

                Take();
                return builder.Build();
            }

            if (token.Kind == TokenKind.Comma)
            {
                throw Error(token, afterComma ? "two ',' in a row: expected a key after ','" : "unexpected ',': expected a key");
            }

            var described = ParseMember(builder, path);
            afterComma = TakeSeparator(TokenKind.CloseBrace, next => json
                ? $"expected ',' or '}}' after {described} but found {next.Describe()}"
                : $"expected ',' or a newline after {described} but found {next.Describe()}");
        }
    }

    /// <summary>Parses one field or include into <paramref name="builder"/>; returns a description for messages.</summary>
    private string ParseMember(ObjectBuilder builder, HoconPath? path)
    {
        var first = Peek();
        if (!json && first.Kind == TokenKind.Unquoted && first.Text == "include")
        {
            ParseInclude(builder, path);
            return "the include";
        }

        var key = ParseKey();
        var keyText = QuotedText.Quote(string.Join('.', key.Segments));
        SkipBlank();
        var separator = Peek();
        var fieldPath = path?.Concat(key);
        ConfigNode value;
        switch (separator.Kind)
        {
            case TokenKind.Colon:
            case TokenKind.Equals when !json:
                Take();
                SkipBlank();
                value = ParseValue(fieldPath);
                break;
            case TokenKind.OpenBrace when !json:
                value = ParseValue(fieldPath);
                break;
            case TokenKind.PlusEquals when !json:
                Take();
                SkipBlank();
                value = AppendElement(fieldPath, ParseValue(null), separator);
                break;
            default:
                throw Error(separator, json
                    ? $"expected ':' after key {keyText} but found {separator.Describe()}"
                    : $"expected '=', ':' or '{{' after key {keyText} but found {separator.Describe()}");
        }

        builder.Add(key, value, Origin(first));
        return $"the value of key {keyText}";
    }

    /// <summary><c>a += b</c> means <c>a = ${?a} [b]</c>, with <c>a</c> the field's full path.</summary>
    private ConcatNode AppendElement(HoconPath? fieldPath, ConfigNode element, Token separator)
    {
        if (fieldPath is null)
        {
            throw Error(separator, "'+=' cannot be used in an object inside an array, because the field has no path to append to");
        }

        var origin = Origin(separator);
        var previous = new SubstitutionNode(fieldPath, optional: true, context.SubstitutionPrefix, fallbackToRoot: false, origin);
        return new ConcatNode(
            [ConcatPiece.Of(previous), ConcatPiece.Of(new ArrayNode([element], element.Origin))],
            origin);
    }
}
