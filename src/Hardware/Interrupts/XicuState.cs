using System.Diagnostics;

namespace ActorHyper.Hardware.Interrupts;

/// <summary>
/// One cluster's XICU, WTI part: per mailbox slot a 32-bit value and a pending bit; per output line
/// (one per core) the set of slots enabled into it. A line is raised when an enabled slot is pending,
/// so a core that reaches <c>wait</c> after its IPI was written still sees it.
/// </summary>
public sealed class XicuState
{
    private readonly uint[] values;
    private readonly bool[] pending;
    private readonly bool[][] enabled;
    private readonly List<XicuOverwrite> overwrites = [];

    /// <summary>How many slots are pending: kept with the bits so that "is anything pending" costs nothing.</summary>
    private int pendingCount;

    public XicuState(int slotCount, int lineCount)
    {
        if (slotCount < 1)
        {
            throw new ArgumentException($"an XICU needs at least 1 WTI slot, got {slotCount}");
        }
        if (lineCount < 1)
        {
            throw new ArgumentException($"an XICU needs at least 1 output line, got {lineCount}");
        }
        values = new uint[slotCount];
        pending = new bool[slotCount];
        enabled = new bool[lineCount][];
        for (var line = 0; line < lineCount; line++)
        {
            enabled[line] = new bool[slotCount];
        }
    }

    /// <summary>An XICU shaped for <paramref name="spec"/>: its WTI slots, one line per core.</summary>
    public static XicuState For(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new XicuState(spec.WtiSlots, spec.CoresPerCluster);
    }

    public int SlotCount => values.Length;

    public int LineCount => enabled.Length;

    /// <summary>
    /// Every overwrite since construction or the last <see cref="DrainOverwrites"/>. Kept across
    /// <see cref="Reset"/>: it is history for the monitors, not hardware state.
    /// </summary>
    public IReadOnlyList<XicuOverwrite> Overwrites => overwrites.ToValueList();

    /// <summary>Stores the value and sets the pending bit; reports an overwrite if it was already set.</summary>
    public XicuWriteResult Write(int slot, uint value)
    {
        CheckSlot(slot);
        var wasPending = pending[slot];
        var old = values[slot];
        values[slot] = value;
        pending[slot] = true;
        pendingCount += wasPending ? 0 : 1;
        Debug.Assert(PendingCountAgrees(), "the pending count is the number of pending bits");
        if (wasPending)
        {
            overwrites.Add(new XicuOverwrite(slot, old, value));
        }
        return new XicuWriteResult(slot, value, wasPending, old);
    }

    /// <summary>Returns the value and clears the pending bit.</summary>
    public XicuReadResult Read(int slot)
    {
        CheckSlot(slot);
        var wasPending = pending[slot];
        pending[slot] = false;
        pendingCount -= wasPending ? 1 : 0;
        Debug.Assert(PendingCountAgrees(), "the pending count is the number of pending bits");
        return new XicuReadResult(slot, values[slot], wasPending);
    }

    /// <summary>The stored value, without clearing anything (for monitors and displays).</summary>
    public uint Peek(int slot)
    {
        CheckSlot(slot);
        return values[slot];
    }

    public bool IsPending(int slot)
    {
        CheckSlot(slot);
        return pending[slot];
    }

    /// <summary>True while any slot is pending (a write not yet read).</summary>
    public bool AnyPending => pendingCount > 0;

    /// <summary>Pending slots in ascending order.</summary>
    public IReadOnlyList<int> PendingSlots() => Enumerable.Range(0, SlotCount).Where(slot => pending[slot]).ToValueList();

    /// <summary>Lets <paramref name="slot"/> raise <paramref name="line"/> (sets the mask bit).</summary>
    public void Enable(int line, int slot)
    {
        CheckLine(line);
        CheckSlot(slot);
        enabled[line][slot] = true;
    }

    /// <summary>Stops <paramref name="slot"/> from raising <paramref name="line"/> (clears the mask bit).</summary>
    public void Disable(int line, int slot)
    {
        CheckLine(line);
        CheckSlot(slot);
        enabled[line][slot] = false;
    }

    public bool IsEnabled(int line, int slot)
    {
        CheckLine(line);
        CheckSlot(slot);
        return enabled[line][slot];
    }

    /// <summary>The mask of <paramref name="line"/> as slot numbers, ascending.</summary>
    public IReadOnlyList<int> EnabledSlots(int line)
    {
        CheckLine(line);
        return Enumerable.Range(0, SlotCount).Where(slot => enabled[line][slot]).ToValueList();
    }

    /// <summary>The output line: (mask &amp; pending) != 0.</summary>
    public bool Output(int line) => LowestPendingSlot(line) is not null;

    /// <summary>The lowest slot that is both enabled into <paramref name="line"/> and pending.</summary>
    public int? LowestPendingSlot(int line)
    {
        CheckLine(line);
        var mask = enabled[line];
        for (var slot = 0; slot < SlotCount; slot++)
        {
            if (mask[slot] && pending[slot])
            {
                return slot;
            }
        }
        return null;
    }

    /// <summary>Returns and forgets the recorded overwrites, so a long run does not accumulate them.</summary>
    public IReadOnlyList<XicuOverwrite> DrainOverwrites()
    {
        var drained = overwrites.ToValueList();
        overwrites.Clear();
        return drained;
    }

    /// <summary>Power-on state: values zero, nothing pending, every mask clear.</summary>
    public void Reset()
    {
        Array.Clear(values);
        Array.Clear(pending);
        foreach (var mask in enabled)
        {
            Array.Clear(mask);
        }
        pendingCount = 0;
        Debug.Assert(PendingCountAgrees(), "a reset XICU has no pending bit");
    }

    private bool PendingCountAgrees() => pendingCount == Array.FindAll(pending, static bit => bit).Length;

    private void CheckSlot(int slot)
    {
        if (slot < 0 || slot >= SlotCount)
        {
            throw new ArgumentException($"XICU slot must be between 0 and {SlotCount - 1}, got {slot}");
        }
    }

    private void CheckLine(int line)
    {
        if (line < 0 || line >= LineCount)
        {
            throw new ArgumentException($"XICU output line must be between 0 and {LineCount - 1}, got {line}");
        }
    }
}
