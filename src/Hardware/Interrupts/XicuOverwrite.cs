namespace ActorHyper.Hardware.Interrupts;

/// <summary>A record of a pending WTI value lost to a second write.</summary>
public readonly record struct XicuOverwrite(int Slot, uint OldValue, uint NewValue)
{
    public override string ToString() => $"slot {Slot}: 0x{OldValue:X8} lost to 0x{NewValue:X8}";
}
