using System.Text;
using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>
/// Include statements: <c>include "x"</c>, <c>include file("x")</c>, <c>include url("x")</c>,
/// <c>include classpath("x")</c>, and any of them inside <c>required(...)</c>.
/// </summary>
internal sealed partial class DocumentParser
{
    private const string IncludeSyntax =
        "'include' at the start of a key must be followed by a quoted file name, or by file(\"...\"), url(\"...\"), classpath(\"...\") or required(...) around one of those";

    private void ParseInclude(ObjectBuilder builder, HoconPath? path)
    {
        var keyword = Take();
        SkipBlank();
        var spec = ReadIncludeSpec(Origin(keyword));
        var included = context.Includes.Include(spec, context, path, depth);
        if (included is not null)
        {
            builder.MergeObject(included);
        }
    }

    private IncludeSpec ReadIncludeSpec(HoconOrigin at)
    {
        var first = Peek();
        if (first.Kind == TokenKind.Quoted)
        {
            Take();
            return new IncludeSpec(first.Text, IncludeKind.Heuristic, false, at);
        }

        if (first.Kind != TokenKind.Unquoted)
        {
            throw Error(first, IncludeSyntax);
        }

        // "file(" and friends are unquoted text to the lexer, since '(' is an ordinary character.
        var opener = new StringBuilder();
        while (Peek().Kind is TokenKind.Unquoted or TokenKind.Whitespace or TokenKind.Newline)
        {
            var token = Take();
            if (token.Kind == TokenKind.Unquoted)
            {
                opener.Append(token.Text);
            }
        }

        var name = Peek();
        (bool Required, IncludeKind Kind, int Parentheses)? form = opener.ToString() switch
        {
            "file(" => (false, IncludeKind.File, 1),
            "url(" => (false, IncludeKind.Url, 1),
            "classpath(" => (false, IncludeKind.Classpath, 1),
            "required(" => (true, IncludeKind.Heuristic, 1),
            "required(file(" => (true, IncludeKind.File, 2),
            "required(url(" => (true, IncludeKind.Url, 2),
            "required(classpath(" => (true, IncludeKind.Classpath, 2),
            _ => null,
        };
        if (form is not { } parsed || name.Kind != TokenKind.Quoted)
        {
            throw Error(first, IncludeSyntax);
        }

        Take();
        var closer = new StringBuilder();
        while (closer.Length < parsed.Parentheses && Peek().Kind is TokenKind.Unquoted or TokenKind.Whitespace)
        {
            var token = Take();
            if (token.Kind == TokenKind.Unquoted)
            {
                closer.Append(token.Text);
            }
        }

        if (closer.ToString() != new string(')', parsed.Parentheses))
        {
            throw Error(name, $"expected {new string(')', parsed.Parentheses)} after the include name {QuotedText.Quote(name.Text)}");
        }

        return new IncludeSpec(name.Text, parsed.Kind, parsed.Required, at);
    }
}
