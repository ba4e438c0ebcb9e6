namespace MeshActors.Views;

/// <summary>A message a handler asks the driver to send.</summary>
/// <typeparam name="TPeer">A peer's identity.</typeparam>
/// <param name="To">The receiver.</param>
/// <param name="Message">The message.</param>
public readonly record struct HyParViewSend<TPeer>(TPeer To, HyParViewMessage<TPeer> Message)
    where TPeer : notnull, IEquatable<TPeer>;
