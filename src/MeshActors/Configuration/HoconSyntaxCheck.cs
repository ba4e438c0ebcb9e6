namespace MeshActors.Configuration;

/// <summary>
/// Checks a HOCON text for the mistakes Akka's parser does not report: unclosed or stray braces
/// and brackets, unterminated strings and substitutions, and a value with no key. Akka's parser
/// (Akka.Configuration, 1.5) accepts such text silently, reading something other than what was
/// meant, and on an unclosed list inside an object it never returns. This check runs first, so a
/// typo becomes a <c>file:line:column</c> error instead of a wrong setting or a hung start-up.
/// </summary>
internal static class HoconSyntaxCheck
{
    /// <summary>Throws <see cref="ConfigFileException"/> at the first problem in <paramref name="text"/>.</summary>
    public static void Check(string text, string origin)
    {
        var open = new Stack<(char Bracket, int Line, int Column)>();
        int line = 1, column = 0;
        var lineHasContent = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            if (c == '\n')
            {
                (line, column, lineHasContent) = (line + 1, 0, false);
                continue;
            }

            if (c == '#' || (c == '/' && At(text, i, "//")))
            {
                i = SkipToLineEnd(text, i) - 1;
                continue;
            }

            if (c == '"')
            {
                var (end, lines, lastColumn) = SkipString(text, i, origin, line, column);
                (i, line, column, lineHasContent) = (end, line + lines, lines > 0 ? lastColumn : column + (end - i), true);
                continue;
            }

            if (c == '$' && At(text, i, "${"))
            {
                var close = text.IndexOfAny(['}', '\n'], i);
                if (close < 0 || text[close] != '}')
                {
                    throw new ConfigFileException(origin, line, column, "a substitution ${...} is not closed on its line");
                }

                column += close - i;
                (i, lineHasContent) = (close, true);
                continue;
            }

            switch (c)
            {
                case '{' or '[':
                    open.Push((c, line, column));
                    break;
                case '}' or ']':
                    var expected = c == '}' ? '{' : '[';
                    if (open.Count == 0 || open.Peek().Bracket != expected)
                    {
                        var what = open.Count == 0 ? "nothing is open" : $"the '{open.Peek().Bracket}' at line {open.Peek().Line} is still open";
                        throw new ConfigFileException(origin, line, column, $"'{c}' does not close anything here ({what})");
                    }

                    open.Pop();
                    break;
                case '=' or ':' when !lineHasContent && open.Count == 0 || !lineHasContent && open.Peek().Bracket == '{':
                    throw new ConfigFileException(origin, line, column, $"'{c}' has no key before it");
            }

            if (!char.IsWhiteSpace(c) && c != ',')
            {
                lineHasContent = true;
            }
        }

        if (open.Count > 0)
        {
            var (bracket, l, col) = open.Peek();
            throw new ConfigFileException(origin, l, col, $"'{bracket}' is never closed (the text ends first)");
        }
    }

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    private static int SkipToLineEnd(string text, int i)
    {
        var end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end;
    }

    /// <summary>Skips a quoted or triple-quoted string starting at <paramref name="i"/>; returns the
    /// index of its last character, how many line breaks it spans and the column after it.</summary>
    private static (int End, int Lines, int Column) SkipString(string text, int i, string origin, int line, int column)
    {
        if (At(text, i, "\"\"\""))
        {
            var close = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ConfigFileException(origin, line, column, "a \"\"\" string is never closed");
            }

            while (close + 3 < text.Length && text[close + 3] == '"')
            {
                close++;
            }

            var span = text.AsSpan(i, close + 3 - i);
            var breaks = span.Count('\n');
            var lastBreak = span.LastIndexOf('\n');
            return (close + 2, breaks, breaks > 0 ? span.Length - lastBreak - 1 : 0);
        }

        for (var j = i + 1; j < text.Length; j++)
        {
            switch (text[j])
            {
                case '\\':
                    j++;
                    break;
                case '"':
                    return (j, 0, 0);
                case '\n':
                    throw new ConfigFileException(origin, line, column, "a quoted string is not closed on its line");
            }
        }

        throw new ConfigFileException(origin, line, column, "a quoted string is not closed on its line");
    }
}
