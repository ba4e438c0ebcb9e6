namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>The kinds of token the HOCON lexer produces. Comments never become tokens.</summary>
internal enum TokenKind
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    Unquoted,
    Number,
    Quoted,
    SubstitutionStart,
}
