using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Memory;

/// <summary>
/// What the RAM behind a memory controller and the ROM have in common: they own one symbolic
/// memory and answer fetches and reads of it. Range checks are the memory's own: it refuses a bad
/// range before changing anything, and the refusal's message becomes the bus error.
/// </summary>
public abstract class MemoryUnitActor(UnitId unit, ClusterMemory memory) : HardwareUnitActor(unit)
{
    protected ClusterMemory Memory { get; } = memory;

    protected override void Wired()
    {
        Receive<FetchCode>(OnFetch);
        Receive<ReadMemory>(OnRead);
    }

    private void OnFetch(FetchCode fetch)
    {
        if (fetch.Offset >= Memory.Size)
        {
            Refuse(fetch.Tag, $"offset 0x{fetch.Offset:X8} is past the end of {Unit} (0x{Memory.Size:X} bytes)");
            return;
        }
        Reply(new FetchCodeResult(fetch.Tag, Memory.Fetch(fetch.Offset, fetch.Expected)));
    }

    private void OnRead(ReadMemory read)
    {
        ValueList<MemoryRegion> pieces;
        try
        {
            pieces = Memory.ReadRange(read.Offset, read.Length).ToValueList();
        }
        catch (ArgumentException e)
        {
            Refuse(read.Tag, e.Message);
            return;
        }
        Reply(new MemoryContents(read.Tag, read.Offset, read.Length, pieces));
    }
}
