namespace ActorHyper.Hardware.Interrupts;

/// <summary>One IOPIC multiplexer setting: this device interrupt becomes a write to that mailbox.</summary>
public readonly record struct IopicRoute(IrqSource Source, XicuTarget Target)
{
    public override string ToString() => $"{Source} -> {Target}";
}
