namespace MeshActors.Actors;

/// <summary>Request/response with an actor from outside it.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends the request built by <paramref name="createRequest"/> with a one-shot reply handle and
    /// completes with the first reply, or fails with <see cref="AskTimeoutException"/> after
    /// <paramref name="timeout"/> on the target's clock. Inside an actor, prefer a correlation id
    /// and a timer: handlers never block.
    /// </summary>
    public static Task<TResponse> Ask<TMessage, TResponse>(
        this IActorRef<TMessage> target,
        Func<IActorRef<TResponse>, TMessage> createRequest,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var cell = target as ActorCell ?? throw new ArgumentException($"{target.Path} does not belong to an actor system.", nameof(target));
        var promise = new PromiseRef<TResponse>(target.Path);
        var timer = cell.System.Time.CreateTimer(
            static s => ((PromiseRef<TResponse>)s!).TimeOut(), promise, timeout, Timeout.InfiniteTimeSpan);
        var registration = cancellationToken.Register(static s => ((PromiseRef<TResponse>)s!).Cancel(), promise);
        _ = promise.Task.ContinueWith(
            _ =>
            {
                timer.Dispose();
                registration.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        promise.Timeout = timeout;
        target.Tell(createRequest(promise));
        return promise.Task;
    }

    private sealed class PromiseRef<TResponse>(string targetPath) : IActorRef<TResponse>
    {
        private readonly TaskCompletionSource<TResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Path => "/temp/ask" + targetPath;

        public TimeSpan Timeout { get; set; }

        public Task<TResponse> Task => _completion.Task;

        public void Tell(TResponse message) => _completion.TrySetResult(message);

        public void TimeOut() => _completion.TrySetException(new AskTimeoutException(targetPath, Timeout));

        public void Cancel() => _completion.TrySetCanceled();
    }
}
