using System.Globalization;

namespace MeshActors.Configuration.Hocon;

/// <summary>
/// Splits "number, optional whitespace, optional unit" as in the HOCON units format: the unit is
/// the trailing run of letters, the number is everything before it.
/// </summary>
internal static class UnitText
{
    /// <summary>Splits <paramref name="text"/>; false when the number part is not a plain decimal number.</summary>
    public static bool TrySplit(string text, out decimal number, out string unit)
    {
        var trimmed = text.Trim();
        var unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }

        unit = trimmed[unitStart..];
        var numberText = trimmed[..unitStart].TrimEnd();
        number = 0;
        return numberText.Length > 0
            && (char.IsAsciiDigit(numberText[0]) || numberText[0] is '-' or '+' or '.')
            && decimal.TryParse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>The text of a value that the units format accepts: a string, or a number in the default unit.</summary>
    public static string FromValue(HoconValue value, string what) => value switch
    {
        HoconString text => text.Value,
        HoconNumber number => number.Text,
        _ => throw new FormatException($"{value.Origin}: a {what} must be a number or a string, not {value.TypeName}"),
    };
}
