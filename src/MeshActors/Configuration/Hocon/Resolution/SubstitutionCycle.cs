namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>
/// An unbreakable substitution cycle. An optional substitution on the way treats it as undefined;
/// otherwise it becomes a <see cref="HoconException"/> at the end of resolution.
/// </summary>
internal sealed class SubstitutionCycle : Exception
{
    public SubstitutionCycle(HoconOrigin at, string problem)
        : base(problem)
    {
        At = at;
        Problem = problem;
    }

    public HoconOrigin At { get; }

    public string Problem { get; }
}
