using Microsoft.Extensions.Logging;

namespace MeshActors.Diagnostics;

/// <summary>
/// Every log message MeshActors writes, source-generated, with stable event ids. Ranges:
/// 1000–1999 actors, 2000–2999 configuration, 3000–3999 node and hosting.
/// Ids are never reused for a different meaning.
/// </summary>
internal static partial class MeshLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Actor {Path} failed ({Failures} in a row); restarting in {DelayMs:0} ms")]
    public static partial void ActorRestarting(ILogger logger, string path, int failures, double delayMs, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Actor {Path} failed {Failures} times in a row; stopping it")]
    public static partial void ActorStoppedAfterFailures(ILogger logger, string path, int failures, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Actor {Path} threw while stopping")]
    public static partial void ActorPostStopFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Dead letter: {MessageType} to stopped actor {Path}")]
    public static partial void DeadLetter(ILogger logger, string path, string messageType);
}
