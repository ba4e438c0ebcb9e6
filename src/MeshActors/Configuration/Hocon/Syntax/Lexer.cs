namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>
/// Splits HOCON (or JSON) text into tokens, tracking 1-based line and column. Comments are
/// dropped here; whitespace and newlines are tokens because HOCON gives them meaning.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string text;
    private readonly string originName;
    private readonly bool json;
    private readonly bool pathOnly;
    private int position;
    private int line = 1;
    private int column = 1;

    /// <param name="text">The text to split.</param>
    /// <param name="originName">The origin name for positions.</param>
    /// <param name="json">Whether the text is strict JSON (no comments, no triple quotes).</param>
    /// <param name="pathOnly">Whether the text is a lone path expression, where comments make no sense.</param>
    public Lexer(string text, string originName, bool json, bool pathOnly = false)
    {
        this.text = text;
        this.originName = originName;
        this.json = json;
        this.pathOnly = pathOnly;
    }

    public HoconOrigin OriginAt(int atLine, int atColumn) => new(originName, atLine, atColumn);

    public HoconOrigin OriginOf(Token token) => new(originName, token.Line, token.Column);

    public Token Next()
    {
        while (true)
        {
            if (position >= text.Length)
            {
                return new Token(TokenKind.End, string.Empty, line, column);
            }

            var c = text[position];
            if (c == '#' || (c == '/' && At(1) == '/'))
            {
                if (json || pathOnly)
                {
                    throw Error(line, column, json
                        ? "comments are not allowed in JSON"
                        : "'#' and '//' start comments and are not allowed in a path; quote the segment that holds them");
                }

                while (position < text.Length && text[position] != '\n')
                {
                    Advance(1);
                }

                continue;
            }

            return ReadToken(c);
        }
    }

    private Token ReadToken(char c)
    {
        int startLine = line, startColumn = column;
        Token Single(TokenKind kind)
        {
            Advance(1);
            return new Token(kind, c.ToString(), startLine, startColumn);
        }

        switch (c)
        {
            case '\n': Advance(1); return new Token(TokenKind.Newline, "\n", startLine, startColumn);
            case '{': return Single(TokenKind.OpenBrace);
            case '}': return Single(TokenKind.CloseBrace);
            case '[': return Single(TokenKind.OpenBracket);
            case ']': return Single(TokenKind.CloseBracket);
            case ',': return Single(TokenKind.Comma);
            case ':': return Single(TokenKind.Colon);
            case '=': return Single(TokenKind.Equals);
            case '"': return ReadQuoted();
            case '+' when At(1) == '=':
                Advance(2);
                return new Token(TokenKind.PlusEquals, "+=", startLine, startColumn);
            case '$' when At(1) == '{':
                var optional = At(2) == '?';
                Advance(optional ? 3 : 2);
                return new Token(TokenKind.SubstitutionStart, optional ? "${?" : "${", startLine, startColumn, Optional: optional);
        }

        if (CharClass.IsWhitespace(c))
        {
            var start = position;
            while (position < text.Length && text[position] != '\n' && CharClass.IsWhitespace(text[position]))
            {
                Advance(1);
            }

            return new Token(TokenKind.Whitespace, text[start..position], startLine, startColumn);
        }

        var numberLength = NumberLength();
        if (numberLength > 0)
        {
            var number = text.Substring(position, numberLength);
            Advance(numberLength);
            return new Token(TokenKind.Number, number, startLine, startColumn);
        }

        return ReadUnquoted(c);
    }

    private Token ReadUnquoted(char first)
    {
        int startLine = line, startColumn = column, start = position;
        while (position < text.Length)
        {
            var c = text[position];
            if (CharClass.IsWhitespace(c) || CharClass.IsForbidden(c) || (c == '/' && At(1) == '/'))
            {
                break;
            }

            Advance(1);
        }

        if (position == start)
        {
            throw Error(startLine, startColumn, DescribeForbidden(first));
        }

        return new Token(TokenKind.Unquoted, text[start..position], startLine, startColumn);
    }

    private static string DescribeForbidden(char c) => c switch
    {
        '+' => "'+' is only allowed as part of '+='; put text containing '+' in double quotes",
        '$' => "'$' is only allowed to start a substitution '${'; put text containing '$' in double quotes",
        _ => $"'{c}' is not allowed in unquoted text; put the text in double quotes",
    };

    /// <summary>The length of the JSON number starting here (<c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>), or 0.</summary>
    private int NumberLength()
    {
        var i = position;
        if (At(0) == '-')
        {
            i++;
        }

        if (CharAt(i) == '0')
        {
            i++;
        }
        else if (CharAt(i) is >= '1' and <= '9')
        {
            while (char.IsAsciiDigit(CharAt(i)))
            {
                i++;
            }
        }
        else
        {
            return 0;
        }

        if (CharAt(i) == '.' && char.IsAsciiDigit(CharAt(i + 1)))
        {
            i += 2;
            while (char.IsAsciiDigit(CharAt(i)))
            {
                i++;
            }
        }

        if (CharAt(i) is 'e' or 'E')
        {
            var j = CharAt(i + 1) is '+' or '-' ? i + 2 : i + 1;
            if (char.IsAsciiDigit(CharAt(j)))
            {
                i = j;
                while (char.IsAsciiDigit(CharAt(i)))
                {
                    i++;
                }
            }
        }

        return i - position;
    }

    private char At(int offset) => CharAt(position + offset);

    private char CharAt(int index) => index < text.Length ? text[index] : '\0';

    private void Advance(int count)
    {
        for (var i = 0; i < count && position < text.Length; i++)
        {
            if (text[position] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            position++;
        }
    }

    private HoconException Error(int atLine, int atColumn, string problem) =>
        new(OriginAt(atLine, atColumn), problem);
}
