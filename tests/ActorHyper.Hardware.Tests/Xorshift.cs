namespace ActorHyper.Hardware.Tests;

/// <summary>A fixed-seed generator for property-style tests: same values every run.</summary>
internal sealed class Xorshift(ulong seed)
{
    private ulong state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public ulong Next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }

    public int Next(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);
}
