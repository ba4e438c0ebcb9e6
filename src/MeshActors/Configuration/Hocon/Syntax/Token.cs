namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>
/// One token. <see cref="Text"/> is the decoded value of a quoted string, and the raw text of
/// anything else. <see cref="Optional"/> marks <c>${?</c>; <see cref="Triple"/> marks <c>"""</c>.
/// </summary>
internal readonly record struct Token(
    TokenKind Kind,
    string Text,
    int Line,
    int Column,
    bool Optional = false,
    bool Triple = false)
{
    /// <summary>Whether the token can be part of a key or of a string concatenation.</summary>
    public bool IsSimpleText => Kind is TokenKind.Unquoted or TokenKind.Number or TokenKind.Quoted;

    /// <summary>Describes the token for "but found ..." in error messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the input",
        TokenKind.Newline => "a newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.Unquoted => $"\"{Shorten(Text)}\"",
        TokenKind.Number => $"the number {Shorten(Text)}",
        TokenKind.Quoted => $"the quoted string {QuotedText.Quote(Shorten(Text))}",
        TokenKind.SubstitutionStart => Optional ? "'${?'" : "'${'",
        _ => $"'{Text}'",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
