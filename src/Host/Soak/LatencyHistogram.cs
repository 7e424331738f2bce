namespace ActorHyper.Host.Soak;

/// <summary>
/// Boot latencies in buckets 2 % wide from 10 µs up: a fixed thousand counters however long the soak
/// (an hour at 500 boots a second would be fourteen megabytes of samples), percentiles within 2 %, and
/// two histograms merge by adding their counters.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Smallest = 0.01;
    private const double Ratio = 1.02;
    private const int Buckets = 1_000;
    private static readonly double LogRatio = Math.Log(Ratio);

    private readonly long[] counts = new long[Buckets];

    public long Count { get; private set; }

    public void Add(double milliseconds)
    {
        var index = milliseconds <= Smallest ? 0 : (int)Math.Min(Buckets - 1, Math.Ceiling(Math.Log(milliseconds / Smallest) / LogRatio));
        counts[index]++;
        Count++;
    }

    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Buckets; i++)
        {
            counts[i] += other.counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the samples lie (a bucket's upper edge); 0 with no sample.</summary>
    public double Percentile(double fraction)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(fraction * Count));
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Math.Round(Smallest * Math.Pow(Ratio, i), 2);
            }
        }

        return Math.Round(Smallest * Math.Pow(Ratio, Buckets - 1), 2);
    }
}
