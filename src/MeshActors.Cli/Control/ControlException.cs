namespace MeshActors.Cli.Control;

/// <summary>A control-endpoint call failed; the message is meant for the operator as it is.</summary>
internal sealed class ControlException(string message) : Exception(message);
