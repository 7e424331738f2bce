namespace ActorHyper.Exploration.Driver;

/// <summary>
/// An immutable vector clock over the actors of one run, each numbered by the driver as first met
/// (slot 0 counts the sends from outside). A message carries its sender's clock at the send; a
/// delivery merges it into the receiver's and ticks the receiver's own slot. Then one send happened
/// before another exactly when its clock is below the other's.
/// </summary>
public sealed class VectorClock
{
    private readonly int[] _slots;

    public static readonly VectorClock Zero = new([]);

    private VectorClock(int[] slots) => _slots = slots;

    public int this[int slot] => slot < _slots.Length ? _slots[slot] : 0;

    /// <summary>This clock with <paramref name="slot"/> set to <paramref name="value"/>.</summary>
    public VectorClock With(int slot, int value)
    {
        var slots = new int[Math.Max(_slots.Length, slot + 1)];
        _slots.CopyTo(slots, 0);
        slots[slot] = value;
        return new VectorClock(slots);
    }

    /// <summary>The slot-wise maximum of this clock and <paramref name="other"/>.</summary>
    public VectorClock Merge(VectorClock other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var length = Math.Max(_slots.Length, other._slots.Length);
        var slots = new int[length];
        for (var i = 0; i < length; i++)
        {
            slots[i] = Math.Max(this[i], other[i]);
        }

        return new VectorClock(slots);
    }

    /// <summary>The slot-wise maximum of this clock and <paramref name="other"/>, with <paramref name="tick"/> then advanced by one.</summary>
    public VectorClock MergeAndTick(VectorClock? other, int tick)
    {
        var length = Math.Max(Math.Max(_slots.Length, other?._slots.Length ?? 0), tick + 1);
        var slots = new int[length];
        for (var i = 0; i < length; i++)
        {
            slots[i] = Math.Max(this[i], other is null ? 0 : other[i]);
        }

        slots[tick]++;
        return new VectorClock(slots);
    }

    /// <summary>True when this clock is below <paramref name="other"/>: no slot above it and one below (what it stamps happened before).</summary>
    public bool HappenedBefore(VectorClock other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var below = false;
        var length = Math.Max(_slots.Length, other._slots.Length);
        for (var i = 0; i < length; i++)
        {
            var mine = this[i];
            var theirs = other[i];
            if (mine > theirs)
            {
                return false;
            }

            below |= mine < theirs;
        }

        return below;
    }

    public override string ToString() => "[" + string.Join(",", _slots) + "]";
}
