namespace ActorHyper.Runtime;

/// <summary>How often a child was restarted inside the current window; kept by its supervisor.</summary>
public sealed class ChildRestartStats
{
    public int RestartsInWindow { get; private set; }

    public TimeSpan WindowStart { get; private set; }

    /// <summary>Counts one more restart; false when that exceeds <paramref name="maxRetries"/> within <paramref name="window"/>.</summary>
    internal bool RequestRestart(int maxRetries, TimeSpan? window, TimeSpan now)
    {
        if (maxRetries < 0)
        {
            return true;
        }

        if (window is { } length && now - WindowStart > length)
        {
            WindowStart = now;
            RestartsInWindow = 0;
        }

        RestartsInWindow++;
        return RestartsInWindow <= maxRetries;
    }
}
