namespace MeshActors.Configuration;

/// <summary>One problem with one setting: which, where it was set, what is wrong, how to fix it.</summary>
/// <param name="Path">The setting, e.g. <c>meshactors.control.port</c>.</param>
/// <param name="Origin">Where the value came from (<c>file:line:column</c>), if known.</param>
/// <param name="Problem">What is wrong with it.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record ConfigError(string Path, string? Origin, string Problem, string Fix)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Path}{(Origin is null ? string.Empty : $" (set at {Origin})")}: {Problem}. Fix: {Fix}";
}
