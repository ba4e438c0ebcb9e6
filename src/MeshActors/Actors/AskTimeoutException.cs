namespace MeshActors.Actors;

/// <summary>An <see cref="ActorRefExtensions.Ask{TMessage, TResponse}"/> got no reply in time.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for <paramref name="target"/> and <paramref name="timeout"/>.</summary>
    public AskTimeoutException(string target, TimeSpan timeout)
        : base($"{target} did not reply within {timeout.TotalMilliseconds:0} ms.")
    {
    }
}
