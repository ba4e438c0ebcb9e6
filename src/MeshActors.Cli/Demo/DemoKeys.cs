namespace MeshActors.Cli.Demo;

/// <summary>
/// Turns single key presses into commands: <c>k</c>, <c>r</c> or <c>l</c> and then a node number
/// (a bare number means kill), <c>q</c> quits. A number runs as soon as no further digit could
/// name another node, otherwise on Enter; Escape or Backspace cancels.
/// </summary>
internal sealed class DemoKeys(int nodeCount)
{
    private DemoVerb? _verb;
    private string _digits = string.Empty;

    /// <summary>The half-typed command, shown after the key help.</summary>
    public string Pending => _verb is null && _digits.Length == 0 ? string.Empty : $"{(_verb ?? DemoVerb.Kill).ToString().ToLowerInvariant()} {_digits}";

    /// <summary>Feeds one key; returns the command it completes, if any.</summary>
    public DemoAction? Feed(char key, bool enter)
    {
        if (enter)
        {
            return _digits.Length > 0 ? Complete() : Cancel();
        }

        switch (char.ToLowerInvariant(key))
        {
            case 'q':
                Cancel();
                return DemoAction.Quit;
            case 'k':
                _verb = DemoVerb.Kill;
                _digits = string.Empty;
                return null;
            case 'r':
                _verb = DemoVerb.Restart;
                _digits = string.Empty;
                return null;
            case 'l':
                _verb = DemoVerb.Leave;
                _digits = string.Empty;
                return null;
            case var c when char.IsAsciiDigit(c):
                _digits += c;
                // With 5 nodes "3" cannot grow into another node number; with 12, "1" can (10, 11, 12).
                return int.Parse(_digits, System.Globalization.CultureInfo.InvariantCulture) * 10 > nodeCount ? Complete() : null;
            default:
                return Cancel();
        }
    }

    private DemoAction Complete()
    {
        var action = new DemoAction(_verb ?? DemoVerb.Kill, int.Parse(_digits, System.Globalization.CultureInfo.InvariantCulture));
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
