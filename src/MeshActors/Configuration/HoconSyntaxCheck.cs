namespace MeshActors.Configuration;

/// <summary>
/// Checks a HOCON text for the mistakes Akka's parser does not report: unclosed or stray braces
/// and brackets, unterminated strings and substitutions, a value with no key, <c>key = value</c>
/// inside a list, and substitutions Akka cannot read (<c>${}</c>, <c>${?path}</c>). Akka's parser
/// (Akka.Configuration, 1.5) accepts such text silently, reading something other than what was
/// meant; on an unclosed list inside an object, or <c>=</c> inside a list, it never returns; and
/// it reads <c>${?path}</c> and <c>${}</c> as the whole configuration, which loops when read. It
/// also fails with a NullReferenceException on <c>include</c>. This check runs first, so a typo
/// becomes a <c>file:line:column</c> error instead of a wrong setting or a hung start-up.
/// </summary>
internal static class HoconSyntaxCheck
{
    /// <summary>Throws <see cref="ConfigFileException"/> at the first problem in <paramref name="text"/>.</summary>
    public static void Check(string text, string origin)
    {
        var open = new Stack<(char Bracket, int Line, int Column)>();
        int line = 1, column = 0;
        var atKey = true; // where a key (or the end of the enclosing object) is expected
        var inValue = false; // after a key's '=' or ':', until the next key
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            var inList = open.Count > 0 && open.Peek().Bracket == '[';
            if (c == '\n')
            {
                (line, column, atKey) = (line + 1, 0, !inList);
                inValue &= inList;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c == '#' || (c == '/' && At(text, i, "//")))
            {
                var end = SkipToLineEnd(text, i);
                column += end - 1 - i;
                i = end - 1;
                continue;
            }

            if (c == '"')
            {
                var (end, lines, lastColumn) = SkipString(text, i, origin, line, column);
                (i, line, column, atKey) = (end, line + lines, lines > 0 ? lastColumn : column + (end - i), false);
                continue;
            }

            if (c == '$' && At(text, i, "${"))
            {
                var close = CheckSubstitution(text, i, origin, line, column);
                column += close - i;
                (i, atKey) = (close, false);
                continue;
            }

            if (c == '$')
            {
                throw new ConfigFileException(origin, line, column, "'$' outside quotes must start a substitution ${path}; quote a value that contains '$'");
            }

            if (NotInUnquotedText.Contains(c))
            {
                throw new ConfigFileException(origin, line, column, $"'{c}' is not allowed outside quotes; quote the value or key that contains it");
            }

            if (atKey && IsInclude(text, i))
            {
                throw new ConfigFileException(origin, line, column, "include is not supported (Akka's parser cannot resolve it); pass the other file with its own --config instead");
            }

            switch (c)
            {
                case '{' or '[':
                    open.Push((c, line, column));
                    atKey = c == '{';
                    inValue &= c == '[';
                    continue;
                case '}' or ']':
                    var expected = c == '}' ? '{' : '[';
                    if (open.Count == 0 || open.Peek().Bracket != expected)
                    {
                        var what = open.Count == 0 ? "nothing is open" : $"the '{open.Peek().Bracket}' at line {open.Peek().Line} is still open";
                        throw new ConfigFileException(origin, line, column, $"'{c}' does not close anything here ({what})");
                    }

                    open.Pop();
                    (atKey, inValue) = (false, false);
                    continue;
                case ',':
                    atKey = !inList;
                    inValue &= inList;
                    continue;
                case '=' or ':' when inList:
                    throw new ConfigFileException(origin, line, column, $"'{c}' inside a list (the '[' at line {open.Peek().Line}): a list holds values; quote a value that contains '{c}' (\"10.0.0.1:7946\"), write {{ key = value }} for an object, or close the list first");
                case '=' or ':' when atKey:
                    throw new ConfigFileException(origin, line, column, $"'{c}' has no key before it");
                case '=' or ':' when inValue:
                    throw new ConfigFileException(origin, line, column, $"'{c}' inside an unquoted value; quote the value, e.g. \"https://example.com\" or \"app=mesh\"");
                case '=' or ':' when NothingFollows(text, i + 1):
                    throw new ConfigFileException(origin, line, column, $"'{c}' has no value after it on its line (write \"\" for an empty string)");
                case '=' or ':':
                    inValue = true;
                    break;
            }

            atKey = false;
        }

        if (open.Count > 0)
        {
            var (bracket, l, col) = open.Peek();
            throw new ConfigFileException(origin, l, col, $"'{bracket}' is never closed (the text ends first)");
        }
    }

    /// <summary>Characters HOCON (and Akka's tokenizer) do not allow in unquoted text, besides the
    /// brackets, quotes, separators and '$' handled on their own. In a list Akka's parser loops
    /// forever on one of them.</summary>
    private const string NotInUnquotedText = "`^?!@*&\\";

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    private static int SkipToLineEnd(string text, int i)
    {
        var end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end;
    }

    /// <summary>Whether only spaces, tabs and a comment follow <paramref name="i"/> on its line.</summary>
    private static bool NothingFollows(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\r')
        {
            i++;
        }

        return i == text.Length || text[i] is '\n' or '#' || At(text, i, "//");
    }

    /// <summary>Whether an <c>include "…"</c> directive starts at <paramref name="i"/>.</summary>
    private static bool IsInclude(string text, int i)
    {
        if (!At(text, i, "include"))
        {
            return false;
        }

        var j = i + "include".Length;
        while (j < text.Length && text[j] is ' ' or '\t')
        {
            j++;
        }

        return j > i + "include".Length && j < text.Length && text[j] == '"';
    }

    /// <summary>Checks the substitution starting at <paramref name="i"/> and returns the index of its <c>}</c>.</summary>
    private static int CheckSubstitution(string text, int i, string origin, int line, int column)
    {
        var close = text.IndexOfAny(['}', '\n'], i);
        if (close < 0 || text[close] != '}')
        {
            throw new ConfigFileException(origin, line, column, "a substitution ${...} is not closed on its line");
        }

        var path = text[(i + 2)..close];
        if (path.StartsWith('?'))
        {
            throw new ConfigFileException(origin, line, column, $"the optional substitution ${{{path}}} is not supported (Akka's parser reads it as the whole configuration); use ${{{path[1..].Trim()}}} or write the value out");
        }

        if (!IsPath(path))
        {
            throw new ConfigFileException(origin, line, column, $"the substitution ${{{path}}} does not name a setting; write a path such as ${{meshactors.cluster.id}}");
        }

        return close;
    }

    private static bool IsPath(string path) =>
        path.Split('.').All(segment => segment.Length > 0 && segment.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'));

    /// <summary>Skips a quoted or triple-quoted string starting at <paramref name="i"/>; returns the
    /// index of its last character, how many line breaks it spans and the column of its last character.</summary>
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
                case '\\' when j + 1 < text.Length && text[j + 1] != '\n':
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
