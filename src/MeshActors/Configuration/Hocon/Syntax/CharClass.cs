using System.Globalization;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>The character classes of the HOCON spec: whitespace and the characters unquoted text may not hold.</summary>
internal static class CharClass
{
    /// <summary>
    /// Unicode space, line and paragraph separators, the ASCII control whitespace, the file, group,
    /// record and unit separators, and the byte order mark.
    /// </summary>
    public static bool IsWhitespace(char c)
    {
        switch (c)
        {
            case ' ' or '\t' or '\n' or '\v' or '\f' or '\r':
            case >= '\u001C' and <= '\u001F':
            case '\uFEFF':
                return true;
            case < '\u0080':
                return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    /// <summary>The characters that end unquoted text: <c>$ " { } [ ] : = , + # ` ^ ? ! @ * &amp; \</c>.</summary>
    public static bool IsForbidden(char c) => c is '$' or '"' or '{' or '}' or '[' or ']' or ':' or '='
        or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\';
}
