namespace ActorHyper.Hardware.Boot;

/// <summary>A named span of RAM offsets reserved by the boot layout.</summary>
public readonly record struct LayoutRegion(string Name, uint Offset, uint Length, LayoutPlace Place)
{
    public ulong End => (ulong)Offset + Length;

    public bool Overlaps(LayoutRegion other) => Offset < other.End && other.Offset < End;

    public bool SharesRamWith(LayoutRegion other) =>
        Place == LayoutPlace.Both || other.Place == LayoutPlace.Both || Place == other.Place;

    public override string ToString() => $"{Name} 0x{Offset:X8}..0x{End:X8} ({Place})";
}
