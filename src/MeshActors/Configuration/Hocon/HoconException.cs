namespace MeshActors.Configuration.Hocon;

/// <summary>
/// The one error type of the HOCON parser, loader and resolver. Its message always reads
/// <c>{origin}:{line}:{column}: {what is wrong}</c>, so a person can jump to the offending text.
/// </summary>
public sealed class HoconException : Exception
{
    /// <summary>Creates an error located at <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the problem is.</param>
    /// <param name="problem">What is wrong, written for the person editing the file.</param>
    public HoconException(HoconOrigin origin, string problem)
        : this(origin, problem, null)
    {
    }

    /// <summary>Creates an error located at <paramref name="origin"/> caused by another exception.</summary>
    /// <param name="origin">Where the problem is.</param>
    /// <param name="problem">What is wrong, written for the person editing the file.</param>
    /// <param name="innerException">The underlying failure, for example an I/O error.</param>
    public HoconException(HoconOrigin origin, string problem, Exception? innerException)
        : base($"{origin.Name}:{origin.Line}:{origin.Column}: {problem}", innerException)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Origin = origin.Name;
        Line = origin.Line;
        Column = origin.Column;
        Problem = problem;
    }

    /// <summary>The file path or origin name the error is in.</summary>
    public string Origin { get; }

    /// <summary>The 1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>The description of the problem without the position prefix.</summary>
    public string Problem { get; }
}
