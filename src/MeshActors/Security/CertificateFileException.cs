namespace MeshActors.Security;

/// <summary>
/// A certificate or key file is missing, unreadable, corrupt or does not fit the other files.
/// The message names the file, what is wrong with it and how to fix it.
/// </summary>
public sealed class CertificateFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file at fault.</param>
    /// <param name="problem">What is wrong with it, e.g. "is missing".</param>
    /// <param name="fix">What the operator should do about it.</param>
    /// <param name="innerException">The underlying I/O or cryptography error, if any.</param>
    public CertificateFileException(string filePath, string problem, string fix, Exception? innerException = null)
        : base($"{filePath}: {problem}. Fix: {fix}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file at fault, as it was given.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with the file, without the path and the fix.</summary>
    public string Problem { get; }
}
