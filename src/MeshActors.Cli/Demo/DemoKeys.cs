using System.Globalization;

namespace MeshActors.Cli.Demo;

/// <summary>
/// Turns single key presses into commands: <c>k</c> (kill), <c>r</c> (restart) or <c>l</c>
/// (leave), then a node number, with or without a space in between (<c>l2</c> and <c>l 2</c> are
/// the same); <c>q</c> quits. A number runs as soon as no further digit could name another node,
/// otherwise on Enter. Backspace takes back the last key; Escape cancels. A number typed without
/// a verb does nothing but show a hint: no key alone kills a node by accident.
/// </summary>
internal sealed class DemoKeys(int nodeCount)
{
    private const string Hint = "type k, r or l before the node number";
    private DemoVerb? _verb;
    private string _digits = string.Empty;
    private bool _hint;

    /// <summary>The half-typed command (or a hint), shown after the key help.</summary>
    public string Pending => _hint ? Hint
        : _verb is { } verb ? $"{verb.ToString().ToLowerInvariant()} {_digits}"
        : string.Empty;

    /// <summary>Feeds one key; returns the command it completes, if any.</summary>
    public DemoAction? Feed(char key, bool enter)
    {
        _hint = false;
        if (enter || key is '\r' or '\n')
        {
            return _verb is not null && _digits.Length > 0 ? Complete() : Cancel();
        }

        switch (char.ToLowerInvariant(key))
        {
            case ' ' or '\t':
                // "l 2" is "l2": the space between verb and number means nothing.
                return null;
            case '\b' or '\u007f':
                if (_digits.Length > 0)
                {
                    _digits = _digits[..^1];
                }
                else
                {
                    _verb = null;
                }

                return null;
            case 'q':
                Cancel();
                return DemoAction.Quit;
            case 'k' or 'r' or 'l':
                _verb = DemoAction.VerbOf(key.ToString());
                _digits = string.Empty;
                return null;
            case var c when char.IsAsciiDigit(c):
                if (_verb is null)
                {
                    _hint = true;
                    return null;
                }

                _digits += c;

                // With 5 nodes "3" cannot grow into another node number; with 12, "1" can (10, 11, 12).
                return Number() * 10 > nodeCount || _digits.Length >= 4 ? Complete() : null;
            default:
                return Cancel();
        }
    }

    private int Number() => int.Parse(_digits, CultureInfo.InvariantCulture);

    private DemoAction Complete()
    {
        var action = new DemoAction(_verb!.Value, Number());
        Cancel();
        return action;
    }

    private DemoAction? Cancel()
    {
        _verb = null;
        _digits = string.Empty;
        return null;
    }
}
