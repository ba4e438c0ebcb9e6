using System.Text;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>Keys and path expressions.</summary>
internal sealed partial class DocumentParser
{
    private HoconPath ParseKey()
    {
        var first = Peek();
        if (!first.IsSimpleText)
        {
            throw first.Kind switch
            {
                TokenKind.SubstitutionStart => Error(first, "substitutions are not allowed in keys"),
                TokenKind.OpenBracket => Error(first, "expected a key but found '['; arrays cannot be keys"),
                _ => Error(first, $"expected a key but found {first.Describe()}"),
            };
        }

        if (json)
        {
            if (first.Kind != TokenKind.Quoted)
            {
                throw Error(first, $"JSON keys must be quoted strings but found {first.Describe()}");
            }

            Take();
            return new HoconPath([first.Text]);
        }

        var tokens = new List<Token>();
        while (true)
        {
            var token = Peek();
            if (token.IsSimpleText || token.Kind == TokenKind.Whitespace)
            {
                tokens.Add(Take());
                continue;
            }

            if (token.Kind == TokenKind.SubstitutionStart)
            {
                throw Error(token, "substitutions are not allowed in keys");
            }

            return BuildPath(TrimWhitespace(tokens));
        }
    }

    /// <summary>
    /// Joins key tokens into path segments: dots in unquoted text and numbers separate segments,
    /// dots in quoted strings do not, whitespace between tokens is kept.
    /// </summary>
    private HoconPath BuildPath(List<Token> tokens)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var hasCurrent = false;
        foreach (var token in tokens)
        {
            if (token.Kind is TokenKind.Quoted or TokenKind.Whitespace)
            {
                current.Append(token.Text);
                hasCurrent = true;
                continue;
            }

            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    hasCurrent = true;
                    continue;
                }

                if (!hasCurrent)
                {
                    throw EmptySegment(token, tokens);
                }

                segments.Add(current.ToString());
                current.Clear();
                hasCurrent = false;
            }
        }

        if (!hasCurrent)
        {
            throw EmptySegment(tokens[^1], tokens);
        }

        segments.Add(current.ToString());
        return new HoconPath(segments);
    }

    private HoconException EmptySegment(Token at, List<Token> tokens)
    {
        var written = string.Concat(tokens.Select(t => t.Kind == TokenKind.Quoted ? QuotedText.Quote(t.Text) : t.Text));
        return Error(at, $"the path {written} has an empty element; a path may not start or end with '.' or hold '..' (quote an empty key as \"\")");
    }
}
