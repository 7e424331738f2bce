using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Resources;

/// <summary>
/// Chooses N free clusters that sit close together, deterministically. Rule: among the mesh's
/// axis-aligned rectangles that hold at least N free clusters, take the one with the smallest
/// area, then the shortest longer side (the squarest), then the lowest origin x, then the lowest
/// origin y, then the narrowest; the allocation is its first N free clusters in index order
/// (x, then y), which is also the instance order. The smallest-area rectangle is exactly the
/// bounding box of the chosen set, so no other choice of N free clusters has a smaller one.
/// </summary>
public static class CompactPlacement
{
    /// <summary>The chosen clusters in instance order, or null if fewer than <paramref name="count"/> are free.</summary>
    public static ValueList<ClusterId>? Choose(MachineSpec spec, Func<ClusterId, bool> isFree, int count)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(isFree);
        if (count < 1)
        {
            throw new ArgumentException($"cluster count must be at least 1, got {count}");
        }
        var free = FreePrefixSums(spec, isFree);
        if (free[spec.MeshX, spec.MeshY] < count)
        {
            return null;
        }
        (int Area, int LongSide, int X0, int Y0, int W, int H)? best = null;
        for (var w = 1; w <= spec.MeshX; w++)
        {
            for (var h = 1; h <= spec.MeshY; h++)
            {
                for (var x0 = 0; x0 + w <= spec.MeshX; x0++)
                {
                    for (var y0 = 0; y0 + h <= spec.MeshY; y0++)
                    {
                        if (CountIn(free, x0, y0, w, h) < count)
                        {
                            continue;
                        }
                        var candidate = (Area: w * h, LongSide: Math.Max(w, h), X0: x0, Y0: y0, W: w, H: h);
                        if (best is null || candidate.CompareTo(best.Value) < 0)
                        {
                            best = candidate;
                        }
                    }
                }
            }
        }
        var box = best!.Value;
        var chosen = new List<ClusterId>(count);
        for (var x = box.X0; x < box.X0 + box.W && chosen.Count < count; x++)
        {
            for (var y = box.Y0; y < box.Y0 + box.H && chosen.Count < count; y++)
            {
                var cluster = new ClusterId(x, y);
                if (isFree(cluster))
                {
                    chosen.Add(cluster);
                }
            }
        }
        return chosen.ToValueList();
    }

    // free[x, y] = number of free clusters in [0, x) x [0, y).
    private static int[,] FreePrefixSums(MachineSpec spec, Func<ClusterId, bool> isFree)
    {
        var free = new int[spec.MeshX + 1, spec.MeshY + 1];
        for (var x = 0; x < spec.MeshX; x++)
        {
            for (var y = 0; y < spec.MeshY; y++)
            {
                var one = isFree(new ClusterId(x, y)) ? 1 : 0;
                free[x + 1, y + 1] = one + free[x, y + 1] + free[x + 1, y] - free[x, y];
            }
        }
        return free;
    }

    private static int CountIn(int[,] free, int x0, int y0, int w, int h) =>
        free[x0 + w, y0 + h] - free[x0, y0 + h] - free[x0 + w, y0] + free[x0, y0];
}
