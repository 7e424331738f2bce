namespace ActorHyper.Hardware.Interrupts;

/// <summary>The value a WTI read returned and whether the slot was pending (the read clears it).</summary>
public readonly record struct XicuReadResult(int Slot, uint Value, bool WasPending)
{
    public override string ToString() => $"slot {Slot} -> 0x{Value:X8}{(WasPending ? "" : " (not pending)")}";
}
