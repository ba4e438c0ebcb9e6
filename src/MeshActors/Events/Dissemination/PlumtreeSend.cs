namespace MeshActors.Events.Dissemination;

/// <summary>A message a handler asks the driver to send.</summary>
/// <typeparam name="TPeer">A peer's identity.</typeparam>
/// <param name="To">The receiver.</param>
/// <param name="Message">The message.</param>
public readonly record struct PlumtreeSend<TPeer>(TPeer To, PlumtreeMessage Message)
    where TPeer : notnull, IEquatable<TPeer>;
