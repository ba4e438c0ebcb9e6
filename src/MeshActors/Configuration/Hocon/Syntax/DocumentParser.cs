using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>
/// A recursive-descent parser from tokens to an unresolved <see cref="ObjectNode"/> tree. It applies
/// duplicate-key merging and includes while parsing; substitutions are left for the resolver.
/// </summary>
internal sealed partial class DocumentParser
{
    private readonly Lexer lexer;
    private readonly ParseContext context;
    private readonly bool json;
    private Token? peeked;
    private int depth;

    private DocumentParser(string text, ParseContext context, bool pathOnly = false)
    {
        this.context = context;
        json = context.Syntax == SourceSyntax.Json;
        lexer = new Lexer(text, context.OriginName, json, pathOnly);
        depth = context.Depth;
    }

    /// <summary>Parses a whole document; its root must be an object, with or without braces.</summary>
    public static ObjectNode ParseDocument(string text, ParseContext context)
    {
        var parser = new DocumentParser(text, context);
        parser.SkipBlank();
        var first = parser.Peek();
        switch (first.Kind)
        {
            case TokenKind.OpenBracket:
                throw parser.Error(first, "the root of a document must be an object, not an array");
            case TokenKind.OpenBrace:
                var root = parser.ParseBracedObject(HoconPath.Root);
                parser.SkipBlank();
                var rest = parser.Peek();
                if (rest.Kind != TokenKind.End)
                {
                    throw parser.Error(rest, $"unexpected {rest.Describe()} after the '}}' that closes the root object");
                }

                return root;
            case not TokenKind.End when parser.json:
                throw parser.Error(first, $"a JSON document must start with '{{' but starts with {first.Describe()}");
            default:
                return parser.ParseObjectBody(HoconPath.Root, null, new HoconOrigin(context.OriginName, 1, 1));
        }
    }

    /// <summary>Parses text holding one value, as if it followed <c>fieldPath =</c>.</summary>
    public static ConfigNode ParseFieldValue(string text, ParseContext context, HoconPath fieldPath)
    {
        var parser = new DocumentParser(text, context);
        parser.SkipBlank();
        var value = parser.ParseValue(fieldPath);
        parser.SkipBlank();
        var rest = parser.Peek();
        if (rest.Kind != TokenKind.End)
        {
            throw parser.Error(rest, $"unexpected {rest.Describe()} after the value");
        }

        return value;
    }

    /// <summary>Parses a path expression such as <c>a.b."c.d"</c>.</summary>
    public static HoconPath ParsePath(string text, string originName)
    {
        var context = new ParseContext(originName, SourceSyntax.Hocon, null, HoconPath.Root, new IncludeLoader(), 0);
        var parser = new DocumentParser(text, context, pathOnly: true);
        var tokens = new List<Token>();
        for (var token = parser.Take(); token.Kind != TokenKind.End; token = parser.Take())
        {
            if (!token.IsSimpleText && token.Kind != TokenKind.Whitespace)
            {
                throw parser.Error(token, $"unexpected {token.Describe()} in a path");
            }

            tokens.Add(token);
        }

        var trimmed = TrimWhitespace(tokens);
        if (trimmed.Count == 0)
        {
            throw new HoconException(new HoconOrigin(originName, 1, 1), "a path must not be empty");
        }

        return parser.BuildPath(trimmed);
    }

    private Token Peek() => peeked ??= lexer.Next();

    private Token Take()
    {
        var token = Peek();
        peeked = null;
        return token;
    }

    /// <summary>Skips whitespace and newlines (comments are already gone); returns whether a newline was seen.</summary>
    private bool SkipBlank()
    {
        var sawNewline = false;
        while (Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            sawNewline |= Take().Kind == TokenKind.Newline;
        }

        return sawNewline;
    }

    private void Enter(Token opening)
    {
        depth++;
        if (depth > HoconLimits.MaxNesting)
        {
            throw Error(opening, $"objects and arrays nest more than {HoconLimits.MaxNesting} levels deep");
        }

        StackGuard.Ensure(Origin(opening));
    }

    private void Leave() => depth--;

    private HoconOrigin Origin(Token token) => lexer.OriginOf(token);

    private HoconException Error(Token at, string problem) => new(Origin(at), problem);

    private static List<Token> TrimWhitespace(List<Token> tokens)
    {
        var start = 0;
        var end = tokens.Count;
        while (start < end && tokens[start].Kind == TokenKind.Whitespace)
        {
            start++;
        }

        while (end > start && tokens[end - 1].Kind == TokenKind.Whitespace)
        {
            end--;
        }

        return tokens.GetRange(start, end - start);
    }
}
