namespace MeshActors.Actors;

/// <summary>
/// An actor's timers. A timer delivers a message to the actor itself; starting a timer with a key
/// already in use replaces it, and a cancelled or replaced timer never delivers again, even if its
/// tick was already in the mailbox. Timers end when the actor stops or restarts.
/// </summary>
/// <typeparam name="TMessage">The actor's message type.</typeparam>
public interface ITimerScheduler<in TMessage>
{
    /// <summary>Delivers <paramref name="message"/> once, after <paramref name="delay"/>.</summary>
    void StartSingle(object key, TMessage message, TimeSpan delay);

    /// <summary>Delivers <paramref name="message"/> every <paramref name="interval"/>, the first
    /// time after <paramref name="initialDelay"/> (default: one interval).</summary>
    void StartPeriodic(object key, TMessage message, TimeSpan interval, TimeSpan? initialDelay = null);

    /// <summary>Whether a timer with <paramref name="key"/> is active.</summary>
    bool IsActive(object key);

    /// <summary>Cancels the timer with <paramref name="key"/>, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of this actor.</summary>
    void CancelAll();
}
