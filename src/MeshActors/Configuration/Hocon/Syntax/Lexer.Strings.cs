using System.Globalization;
using System.Text;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>Quoted and triple-quoted strings.</summary>
internal sealed partial class Lexer
{
    private Token ReadQuoted()
    {
        int startLine = line, startColumn = column;
        if (At(1) == '"' && At(2) == '"')
        {
            if (json)
            {
                throw Error(startLine, startColumn, "triple-quoted strings are not allowed in JSON");
            }

            return ReadTripleQuoted(startLine, startColumn);
        }

        Advance(1);
        var builder = new StringBuilder();
        while (true)
        {
            if (position >= text.Length || text[position] == '\n')
            {
                throw Error(startLine, startColumn,
                    "unterminated quoted string: a quoted string must end with '\"' on the line it starts; use \"\"\" for text over several lines");
            }

            var c = text[position];
            if (c == '"')
            {
                Advance(1);
                return new Token(TokenKind.Quoted, builder.ToString(), startLine, startColumn);
            }

            if (c < ' ')
            {
                throw Error(line, column,
                    $"control character U+{(int)c:X4} is not allowed in a quoted string; write it as an escape such as \\t or \\u{(int)c:x4}");
            }

            if (c == '\\')
            {
                ReadEscape(builder);
            }
            else
            {
                builder.Append(c);
                Advance(1);
            }
        }
    }

    private void ReadEscape(StringBuilder builder)
    {
        int escapeLine = line, escapeColumn = column;
        var code = At(1);
        char? simple = code switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (simple is { } decoded)
        {
            builder.Append(decoded);
            Advance(2);
            return;
        }

        if (code == 'u' && position + 6 <= text.Length
            && ushort.TryParse(text.AsSpan(position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
        {
            builder.Append((char)unit);
            Advance(6);
            return;
        }

        var shown = code == 'u' ? "\\u followed by something other than 4 hex digits"
            : code is '\0' or '\n' ? "a '\\' at the end of the line"
            : $"\\{code}";
        throw Error(escapeLine, escapeColumn,
            $"invalid escape {shown} in a quoted string; the valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
    }

    private Token ReadTripleQuoted(int startLine, int startColumn)
    {
        Advance(3);
        var start = position;
        while (position < text.Length)
        {
            if (text[position] != '"')
            {
                Advance(1);
                continue;
            }

            var run = 0;
            while (At(run) == '"')
            {
                run++;
            }

            if (run >= 3)
            {
                // Like Scala: the last three quotes close the string, any extra ones belong to it.
                var value = text.Substring(start, position - start + run - 3);
                Advance(run);
                return new Token(TokenKind.Quoted, value, startLine, startColumn, Triple: true);
            }

            Advance(run);
        }

        throw Error(startLine, startColumn, "unterminated triple-quoted string: no closing \"\"\" was found");
    }
}
