using System.Diagnostics;
using System.Globalization;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Watching;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Resources;
using Akka.Actor;

namespace ActorHyper.Host.Soak;

/// <summary>
/// The soak's leak checks, made at its quiescent points (nothing in flight, every instance Running,
/// Failed or Stopped) and at the end, after every instance was killed. From outside the actors, by
/// asking: the hypervisor's books (<see cref="AuditHypervisor"/>: free plus owned equals each pool's
/// total; the instances that hold resources are the ones the soak has not killed) and every unit of
/// the machine (<see cref="AuditUnit"/>: a unit of a pooled cluster holds nothing — no child actor,
/// timer, pending XICU bit, RAM content or active HAT — and no unit's mailbox fills up); then the
/// process: threads, and the managed heap after a full collection, against their levels after warm-up.
/// </summary>
public sealed class LeakChecks
{
    /// <summary>How long one question to the machine may take before it is itself a finding.</summary>
    private static readonly TimeSpan AskLimit = TimeSpan.FromSeconds(10);

    /// <summary>A unit's software stops after its kill is answered: a residue is asked again for this long before it is a leak.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(2);

    /// <summary>More messages than this waiting in a unit's mailbox at a quiescent point: it is not keeping up.</summary>
    private const int QueueLimit = 1_000;

    /// <summary>Slack on top of <see cref="SoakSettings.MaxHeapGrowth"/>: a small heap's noise is not a leak.</summary>
    private const long HeapSlack = 4L << 20;

    private readonly HypervisorHandle machine;
    private readonly RealThreadWatch? watch;
    private readonly SoakSettings settings;
    private readonly List<SoakFinding> found = [];
    private readonly EventCounter overwrites;

    public LeakChecks(HypervisorHandle machine, RealThreadWatch? watch, SoakSettings settings)
    {
        ArgumentNullException.ThrowIfNull(machine);
        this.machine = machine;
        this.watch = watch;
        this.settings = settings;
        overwrites = new EventCounter(machine.System);
        machine.System.EventStream.Subscribe(overwrites, typeof(MailboxOverwritten));
    }

    public IReadOnlyList<SoakFinding> Found => found;

    public long Checks { get; private set; }

    public long MailboxOverwrites => overwrites.Count;

    public long HeapAfterWarmup { get; private set; }

    public long HeapEnd { get; private set; }

    public int ThreadsAfterWarmup { get; private set; }

    public int ThreadsEnd { get; private set; }

    /// <summary>
    /// Checks the machine at a quiescent point; <paramref name="live"/> are the instances the soak has
    /// not killed. The final check (after every instance was killed) wants every pool full and every
    /// cluster idle, and compares the heap and the threads with their levels after warm-up.
    /// </summary>
    /// <param name="warmUp">The machine was emptied after warm-up: take the process's levels here.</param>
    public void Check(double now, IEnumerable<int> live, bool finalCheck, bool warmUp = false)
    {
        Checks++;
        if (watch is not null && !watch.WaitUntilDrained(AskLimit))
        {
            Leak(now, $"the monitors did not catch up within {AskLimit.TotalSeconds:0} s ({watch.Backlog} deliveries and events behind)");
        }

        if (Ask<HypervisorAudit>(machine.Shell, AuditHypervisor.Instance) is not { } audit)
        {
            Leak(now, "the hypervisor did not answer its audit");
            return;
        }

        if (audit.ConservationProblem is { } problem)
        {
            Leak(now, $"pools: {problem}");
        }

        var expected = new SortedSet<int>(live);
        var holding = new SortedSet<int>(audit.Instances.Select(static i => i.Id));
        foreach (var id in holding.Except(expected))
        {
            Leak(now, $"instance {id} still holds resources after its kill was answered: {audit.Instances.First(i => i.Id == id)}");
        }

        foreach (var id in expected.Except(holding))
        {
            Leak(now, $"instance {id} is live for the soak but the hypervisor's books do not have it");
        }

        if (finalCheck && audit.Pools.Allocations.Count > 0)
        {
            Leak(now, $"after every kill the pools still hold {audit.Pools.Allocations.Count} allocation(s): {audit.Pools}");
        }

        var pooled = audit.Pools.Clusters.Where(static c => c.Owner.Kind == OwnerKind.Free).Select(static c => c.Cluster).ToHashSet();
        foreach (var (unit, what) in Residues(pooled))
        {
            Leak(now, $"{unit} of a pooled cluster: {what}");
        }

        Process(now, finalCheck, warmUp);
    }

    /// <summary>What a hang report shows of the machine: every unit that is not idle, and the ones that did not answer.</summary>
    public IEnumerable<string> Dump()
    {
        var directory = machine.Directory;
        if (directory is null)
        {
            yield break;
        }

        yield return "the machine's units that are not idle:";
        foreach (var (unit, audit) in AuditAll(directory.Spec.Clusters()))
        {
            if (audit is null)
            {
                yield return $"  {unit}: no answer within {AskLimit.TotalSeconds:0} s";
            }
            else if (!audit.IsIdle || audit.Queued > 0)
            {
                yield return $"  {audit.Unit}: {string.Join("; ", audit.Residue)}{(audit.Queued > 0 ? $" ({audit.Queued} messages queued)" : "")}";
            }
        }
    }

    /// <summary>Units of <paramref name="pooled"/> clusters that hold something (asked again while it may still be stopping), and any unit whose mailbox fills up.</summary>
    private List<(string Unit, string What)> Residues(IReadOnlySet<ClusterId> pooled)
    {
        var directory = machine.Directory ?? throw new InvalidOperationException("the machine has not started");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var problems = new List<(string, string)>();
            foreach (var (unit, audit) in AuditAll(directory.Spec.Clusters()))
            {
                if (audit is null)
                {
                    problems.Add((unit, $"no answer to its audit within {AskLimit.TotalSeconds:0} s"));
                    continue;
                }

                if (audit.Queued > QueueLimit)
                {
                    problems.Add((unit, $"{audit.Queued} messages wait in its mailbox at a quiescent point"));
                }

                if (pooled.Contains(audit.Unit.Cluster) && !audit.IsIdle)
                {
                    problems.Add((unit, string.Join("; ", audit.Residue)));
                }
            }

            if (problems.Count == 0 || deadline.Elapsed > SettleLimit)
            {
                return problems;
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>Every unit of <paramref name="clusters"/>, asked at once; null where it did not answer in time.</summary>
    private List<(string Unit, UnitAudit? Audit)> AuditAll(IEnumerable<ClusterId> clusters)
    {
        var directory = machine.Directory!;
        var asks = new List<(string, Task<UnitAudit>)>();
        foreach (var cluster in clusters)
        {
            var units = directory.Cluster(cluster);
            foreach (var unit in units.All())
            {
                asks.Add((unit.Path.ToStringWithoutAddress(), unit.Ask<UnitAudit>(AuditUnit.Instance, AskLimit)));
            }
        }

        try
        {
            Task.WaitAll([.. asks.Select(static a => (Task)a.Item2)]);
        }
        catch (AggregateException)
        {
            // A unit that did not answer is named below.
        }

        return [.. asks.Select(static a => (a.Item1, a.Item2.IsCompletedSuccessfully ? a.Item2.Result : null))];
    }

    private T? Ask<T>(IActorRef to, object question)
        where T : class
    {
        try
        {
            return to.Ask<T>(question, AskLimit).GetAwaiter().GetResult();
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Whether the process's level after warm-up (threads and heap) has been taken.</summary>
    public bool WarmedUp => ThreadsAfterWarmup > 0;

    /// <summary>
    /// The process, at an emptied machine (every instance killed): after warm-up its level is taken, at
    /// the end compared with it. Both are empty, so they compare like with like: what a machine with no
    /// instance holds beyond what it held after warm-up is kept for nothing.
    /// </summary>
    private void Process(double now, bool finalCheck, bool warmUp)
    {
        if (warmUp || (finalCheck && !WarmedUp))
        {
            (HeapAfterWarmup, ThreadsAfterWarmup) = (FullCollection(), Threads());
        }

        if (!finalCheck)
        {
            return;
        }

        (HeapEnd, ThreadsEnd) = (FullCollection(), Threads());
        if (HeapEnd > Allowed(HeapAfterWarmup))
        {
            Leak(now, string.Create(CultureInfo.InvariantCulture,
                $"the managed heap of the emptied machine grew from {HeapAfterWarmup / 1048576.0:0.0} MiB after warm-up to {HeapEnd / 1048576.0:0.0} MiB at the end (more than {settings.MaxHeapGrowth:P0} and 4 MiB)"));
        }

        if (ThreadsEnd > ThreadsAfterWarmup + Math.Max(8, ThreadsAfterWarmup / 2))
        {
            Leak(now, $"the process's threads grew from {ThreadsAfterWarmup} after warm-up to {ThreadsEnd} at the end");
        }
    }

    private long Allowed(long level) => (long)(level * (1 + settings.MaxHeapGrowth)) + HeapSlack;

    private static int Threads() => System.Diagnostics.Process.GetCurrentProcess().Threads.Count;

    private static long FullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private void Leak(double now, string what) => found.Add(new SoakFinding(Math.Round(now, 3), what, []));
}
