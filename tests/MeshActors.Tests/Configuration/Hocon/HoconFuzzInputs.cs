using System.Text;

namespace MeshActors.Tests.Configuration.Hocon;

/// <summary>
/// Builds fuzz inputs from a list of random choices: token soup, mutated valid documents, and
/// random substitution graphs (self-references, cycles, optional and += fields).
/// </summary>
internal static class HoconFuzzInputs
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "=", "+=", "${", "${?", "}", "\"", "\"\"\"", "\\", "#", "//", "/",
        "\n", "\n", " ", " ", "\t", "\r\n", "\u00a0", "\ufeff", "a", "b", "c", "a.b", "b.c", ".", "..",
        "include", "include ", "file(", "required(", "classpath(", "url(", ")", "\"x\"", "\"a.b\"", "\"\"",
        "1", "-", "-1", "0", "01", "1.5e3", "1e", "1.", "true", "false", "null", "truefoo", "$", "?", "@",
        "!", "*", "&", "^", "`", "+", "\\u12", "\\n", "\\q", "\\u00e9", "x y", "\"\\", "\u2028", "\u0000",
        "${a}", "${a.b}", "${?a}", "${b}", " [1] ", " {x=1} ", "a = ", "b : ", "c += ", "\"\"\"\"",
    ];

    private static readonly string[] Seeds =
    [
        "a = 1\nb = ${a}\nc = ${b} [2]",
        "path = [/bin]\npath = ${path} [/usr/bin]\npath += /sbin",
        "bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }",
        "a { x = 1 }\na = ${a} { y = ${a.x} }\nb = ${?a.z}x",
        "foo { a { c = 1 } }\nfoo = ${foo.a}\nfoo { a = 2 }",
        "x = \"\"\"multi\nline\"\"\"\ny = \"esc \\n \\u00e9\"\nz = ${x}${y}",
        "{ \"ints\" : { \"a\" : 42, \"b\" : ${ints.a} }, arr : [1, 2, [3, { q = ${?nope} }]] }",
        "a.b.c = 1\n\"a.b\".c = 2\na { b { d = ${a.b.c} } }\nd = ${a.b} { e = 5 }",
        "k = 5s\nsize = 64KiB\nlist = [ ${k} ${size}, \"q\" true null 1.5 ]",
        "a = ${b}\nb = ${c}\nc = ${?a}",
        "include \"missing\"\ninclude required(file(\"nope.conf\"))\nq = 1",
        "obj { include \"x\" }\nr = ${obj}\ns = ${?obj.y} [1] [2]",
    ];

    private static readonly string[] Keys = ["a", "b", "c", "a.x", "b.y", "c.z", "\"a\".x"];

    private static readonly string[] Separators = [" = ", " : ", " += ", "=", " = ", ":", " "];

    private static readonly string[] Templates =
    [
        "${K}", "${?K}", "[${K}]", "${K} [1]", "[1] ${K}", "{ x = ${K} }", "${K}s", "${?K}s", "${K} ${K}",
        "${K} { y = 1 }", "1", "[1, 2]", "{ x = 1 }", "null", "text", "${?K} ${?K}", "{ x = ${?K}, y = [${K}] }",
    ];

    public static string Build(int kind, int[] choices)
    {
        var random = new Choices(choices);
        return (kind % 3) switch
        {
            0 => TokenSoup(random),
            1 => Mutated(random),
            _ => SubstitutionGraph(random),
        };
    }

    private static string TokenSoup(Choices random)
    {
        var text = new StringBuilder();
        var count = random.Next(40);
        for (var i = 0; i < count; i++)
        {
            text.Append(Fragments[random.Next(Fragments.Length)]);
        }

        return text.ToString();
    }

    private static string Mutated(Choices random)
    {
        var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
        var mutations = 1 + random.Next(4);
        for (var i = 0; i < mutations && text.Length > 0; i++)
        {
            var at = random.Next(text.Length);
            var length = Math.Min(1 + random.Next(6), text.Length - at);
            switch (random.Next(4))
            {
                case 0:
                    text.Remove(at, length);
                    break;
                case 1:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    text.Insert(at, text.ToString(at, length));
                    break;
                default:
                    text.Length = at;
                    break;
            }
        }

        return text.ToString();
    }

    private static string SubstitutionGraph(Choices random)
    {
        var text = new StringBuilder();
        var lines = 1 + random.Next(7);
        for (var i = 0; i < lines; i++)
        {
            var template = Templates[random.Next(Templates.Length)];
            var value = template.Replace("K", Keys[random.Next(Keys.Length)].Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
            text.Append(Keys[random.Next(Keys.Length)]).Append(Separators[random.Next(Separators.Length)]).Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads the generated numbers one by one, wrapping around.</summary>
    private sealed class Choices(int[] values)
    {
        private int index;

        public int Next(int bound) => values.Length == 0 || bound <= 0 ? 0 : values[index++ % values.Length] % bound;
    }
}
