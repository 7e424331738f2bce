using System.Diagnostics;

namespace ActorHyper.Runtime.Timing;

/// <summary>Concurrent mode's timers: one OS timer per scheduled tell, on the system's wall clock.</summary>
internal sealed class WallClockScheduler : TimerScheduler, IDisposable
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    /// <summary>Keeps pending timers alive (an unreferenced System.Threading.Timer may be collected).</summary>
    private readonly HashSet<ITimer> _live = [];

    private readonly Lock _gate = new();
    private bool _disposed;

    public override TimeSpan Now => Stopwatch.GetElapsedTime(_startTimestamp);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _live)
            {
                timer.Dispose();
            }

            _live.Clear();
        }
    }

    protected override TimerEntry Arm(TimeSpan delay, TimerEntry entry)
    {
        ITimer? timer = null;
        timer = TimeProvider.System.CreateTimer(
            _ =>
            {
                entry.Fire();
                if (entry.Interval is null)
                {
                    Release(timer!);
                }
            },
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        entry.OnCancel = () => Release(timer);
        lock (_gate)
        {
            if (_disposed)
            {
                timer.Dispose();
                entry.Cancel();
                return entry;
            }

            _live.Add(timer);
        }

        // Armed only once registered, so a zero-delay timer cannot fire before it can be released.
        timer.Change(delay, entry.Interval ?? Timeout.InfiniteTimeSpan);
        return entry;
    }

    private void Release(ITimer timer)
    {
        lock (_gate)
        {
            _live.Remove(timer);
        }

        timer.Dispose();
    }
}
