namespace ActorHyper.Hardware.Memory;

/// <summary>
/// One memory (a cluster's RAM, or the ROM) holding symbolic contents in non-overlapping regions
/// kept in offset order. A write replaces whatever it overlaps: regions it covers go, regions it
/// straddles are cut and keep their outer parts. Unwritten space is empty.
/// </summary>
public sealed class ClusterMemory
{
    /// <summary>Offsets are 32 bits.</summary>
    public const long MaxSize = 1L << 32;

    private readonly List<MemoryRegion> regions = [];

    public ClusterMemory(long size)
    {
        if (size is < 1 or > MaxSize)
        {
            throw new ArgumentException($"memory size must be between 1 and 0x{MaxSize:X} bytes, got {size}");
        }
        Size = size;
    }

    public long Size { get; }

    /// <summary>A snapshot of the regions in offset order.</summary>
    public IReadOnlyList<MemoryRegion> Regions => regions.ToValueList();

    public bool IsEmpty => regions.Count == 0;

    /// <summary>Puts <paramref name="content"/> at [offset, offset+length), replacing what was there.</summary>
    public void Write(uint offset, uint length, MemoryContent content, uint contentOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(content);
        CheckRange(offset, length, "write");
        CutOut(offset, (ulong)offset + length);
        regions.Insert(InsertionIndex(offset), new MemoryRegion(offset, length, content, contentOffset));
    }

    /// <summary>The region holding <paramref name="offset"/>, or null for empty space.</summary>
    public MemoryRegion? RegionAt(uint offset)
    {
        CheckOffset(offset);
        var index = IndexOfRegionContaining(offset);
        return index < 0 ? null : regions[index];
    }

    /// <summary>The data record of type <typeparamref name="T"/> that starts whole at <paramref name="offset"/>, if any.</summary>
    public T? DataAt<T>(uint offset)
        where T : class, IMemoryData =>
        RegionAt(offset) is { Content: DataRecord { Data: T data } } region && region.Offset == offset && region.ContentOffset == 0
            ? data
            : null;

    /// <summary>
    /// What a core finds when it jumps to <paramref name="offset"/> expecting <paramref name="expected"/>,
    /// or, when <paramref name="expected"/> is null, any code's entry point (never <see cref="FetchOutcome.WrongCode"/>).
    /// </summary>
    public FetchResult Fetch(uint offset, CodeIdentity? expected)
    {
        if (RegionAt(offset) is not { } region)
        {
            return new FetchResult(FetchOutcome.NoCode, offset, expected, null, 0);
        }
        if (region.Content is not CodeBlock code)
        {
            return new FetchResult(FetchOutcome.NoCode, offset, expected, region.Content, 0);
        }
        var distance = offset - region.Offset + region.ContentOffset;
        if (expected is { } wanted && code.Identity != wanted)
        {
            return new FetchResult(FetchOutcome.WrongCode, offset, expected, code, distance);
        }
        return distance == 0
            ? new FetchResult(FetchOutcome.AtEntry, offset, expected, code, 0)
            : new FetchResult(FetchOutcome.MidBlock, offset, expected, code, distance);
    }

    /// <summary>The regions overlapping [offset, offset+length), clipped to it, in offset order.</summary>
    public IReadOnlyList<MemoryRegion> ReadRange(uint offset, uint length)
    {
        CheckRange(offset, length, "read");
        var end = (ulong)offset + length;
        var result = new List<MemoryRegion>();
        foreach (var region in regions)
        {
            if (region.End <= offset || region.Offset >= end)
            {
                continue;
            }
            var start = Math.Max(region.Offset, offset);
            var stop = Math.Min(region.End, end);
            result.Add(new MemoryRegion(start, (uint)(stop - start), region.Content, region.ContentOffset + (start - region.Offset)));
        }
        return result.ToValueList();
    }

    /// <summary>
    /// Copies [sourceOffset, +length) of <paramref name="source"/> to <paramref name="destinationOffset"/>
    /// here, empty space included: what was in the destination range is gone afterwards.
    /// </summary>
    public void CopyFrom(ClusterMemory source, uint sourceOffset, uint destinationOffset, uint length)
    {
        ArgumentNullException.ThrowIfNull(source);
        Paste(destinationOffset, length, source.ReadRange(sourceOffset, length), sourceOffset);
    }

    /// <summary>
    /// Writes what <see cref="ReadRange"/> returned for [sourceOffset, +length) of another memory to
    /// [destinationOffset, +length) here, empty space included: how a copy completes when the two
    /// memories belong to different owners and only the pieces travel between them.
    /// </summary>
    public void Paste(uint destinationOffset, uint length, IReadOnlyList<MemoryRegion> pieces, uint sourceOffset)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        CheckRange(destinationOffset, length, "paste");
        var end = (ulong)sourceOffset + length;
        foreach (var piece in pieces)
        {
            if (piece.Offset < sourceOffset || piece.End > end)
            {
                throw new ArgumentException(
                    $"piece {piece} lies outside the copied range 0x{sourceOffset:X8}..0x{end:X8}");
            }
        }
        Clear(destinationOffset, length);
        foreach (var piece in pieces)
        {
            Write(destinationOffset + (piece.Offset - sourceOffset), piece.Length, piece.Content, piece.ContentOffset);
        }
    }

    public void Clear()
    {
        regions.Clear();
        GiveBackIfEmpty();
    }

    public void Clear(uint offset, uint length)
    {
        CheckRange(offset, length, "clear");
        CutOut(offset, (ulong)offset + length);
        GiveBackIfEmpty();
    }

    /// <summary>An emptied memory gives back the room a burst of writes made (a released cluster keeps nothing).</summary>
    private void GiveBackIfEmpty()
    {
        if (regions.Count == 0 && regions.Capacity > TrimAbove)
        {
            regions.TrimExcess();
        }
    }

    private const int TrimAbove = 64;

    public override string ToString() => $"{regions.Count} regions in 0x{Size:X} bytes";

    private void CutOut(ulong start, ulong end)
    {
        for (var i = regions.Count - 1; i >= 0; i--)
        {
            var region = regions[i];
            if (region.End <= start || region.Offset >= end)
            {
                continue;
            }
            regions.RemoveAt(i);
            // Re-insert the parts outside [start, end), tail first so the head lands before it.
            if (region.End > end)
            {
                var cut = (uint)(end - region.Offset);
                regions.Insert(i, new MemoryRegion((uint)end, (uint)(region.End - end), region.Content, region.ContentOffset + cut));
            }
            if (region.Offset < start)
            {
                regions.Insert(i, region with { Length = (uint)(start - region.Offset) });
            }
        }
    }

    private int InsertionIndex(uint offset)
    {
        var index = 0;
        while (index < regions.Count && regions[index].Offset < offset)
        {
            index++;
        }
        return index;
    }

    private int IndexOfRegionContaining(uint offset)
    {
        // Regions are sorted and disjoint: binary search on the start offset.
        int low = 0, high = regions.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var region = regions[mid];
            if (offset < region.Offset)
            {
                high = mid - 1;
            }
            else if (offset >= region.End)
            {
                low = mid + 1;
            }
            else
            {
                return mid;
            }
        }
        return -1;
    }

    private void CheckOffset(uint offset)
    {
        if (offset >= Size)
        {
            throw new ArgumentException($"offset 0x{offset:X8} is past the end of memory (0x{Size:X} bytes)");
        }
    }

    private void CheckRange(uint offset, uint length, string operation)
    {
        if (length == 0)
        {
            throw new ArgumentException($"{operation} of 0 bytes at 0x{offset:X8}");
        }
        if ((ulong)offset + length > (ulong)Size)
        {
            throw new ArgumentException(
                $"{operation} of 0x{length:X} bytes at 0x{offset:X8} runs past the end of memory (0x{Size:X} bytes)");
        }
    }
}
