namespace ActorHyper.Hardware.Interrupts;

/// <summary>
/// The effect of a WTI write. <see cref="Overwrote"/> means the slot was still pending: the
/// previous value (<see cref="OldValue"/>) was never read and is lost, the hazard the monitors catch.
/// </summary>
public readonly record struct XicuWriteResult(int Slot, uint NewValue, bool Overwrote, uint OldValue)
{
    public override string ToString() => Overwrote
        ? $"slot {Slot} overwritten: 0x{OldValue:X8} -> 0x{NewValue:X8} before it was read"
        : $"slot {Slot} <- 0x{NewValue:X8}";
}
