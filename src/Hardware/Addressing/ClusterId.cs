namespace ActorHyper.Hardware.Addressing;

/// <summary>
/// A cluster's position in the mesh. Its 8-bit index (x in the high 4 bits, y in the low 4) is the
/// top byte of a machine address. Clusters order by index, i.e. by x then y.
/// </summary>
public readonly record struct ClusterId : IComparable<ClusterId>
{
    /// <summary>Largest coordinate: 4 bits each.</summary>
    public const int MaxCoordinate = 15;

    public ClusterId(int x, int y)
    {
        if (x is < 0 or > MaxCoordinate)
        {
            throw new ArgumentException($"cluster x must be between 0 and {MaxCoordinate}, got {x}");
        }
        if (y is < 0 or > MaxCoordinate)
        {
            throw new ArgumentException($"cluster y must be between 0 and {MaxCoordinate}, got {y}");
        }
        X = x;
        Y = y;
    }

    public int X { get; }

    public int Y { get; }

    /// <summary>x in the high 4 bits, y in the low 4 bits.</summary>
    public int Index => (X << 4) | Y;

    public static ClusterId FromIndex(int index)
    {
        if (index is < 0 or > 0xFF)
        {
            throw new ArgumentException($"cluster index must be between 0 and 255, got {index}");
        }
        return new ClusterId(index >> 4, index & 0xF);
    }

    public int CompareTo(ClusterId other) => Index.CompareTo(other.Index);

    public static bool operator <(ClusterId left, ClusterId right) => left.CompareTo(right) < 0;

    public static bool operator >(ClusterId left, ClusterId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ClusterId left, ClusterId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ClusterId left, ClusterId right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"({X},{Y})";
}
