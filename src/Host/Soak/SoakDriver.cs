using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Watching;
using ActorHyper.Hardware;
using ActorHyper.Host.Shell;

namespace ActorHyper.Host.Soak;

/// <summary>
/// Keeps a machine on real threads busy for the soak's duration: launches instances of random sizes
/// on free instance numbers, kills random live ones (booting ones too), with up to
/// <see cref="SoakSettings.InFlight"/> commands in flight; every <see cref="SoakSettings.CheckEvery"/>
/// it lets everything settle and checks for leaks. Its own choices come from the seed; the threads
/// are not reproducible, which is why a finding becomes a scenario for the controlled explorer.
/// All its state is touched only by the loop in <see cref="RunAsync"/>: replies come back as tasks.
/// </summary>
public sealed partial class SoakDriver
{
    /// <summary>How long the driver lets a loop turn wait for a reply before it looks at the clock again.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    /// <summary>A finding's scenario and story keep the last operations: enough for any window.</summary>
    private const int HistoryLength = 400;

    private readonly HypervisorSession session;
    private readonly RealThreadWatch? watch;
    private readonly SoakSettings settings;
    private readonly MachineSpec spec;
    private readonly TimeSpan bootTimeout;
    private readonly DeterministicRandom random;
    private readonly Stopwatch clock = new();
    private readonly LeakChecks leaks;
    private readonly SortedDictionary<int, SoakInstance> live = [];
    private readonly List<SoakOperation> inFlight = [];
    private readonly Queue<SoakOperation> history = new();
    private readonly LatencyHistogram latencies = new();
    private readonly SortedDictionary<string, long> failures = new(StringComparer.Ordinal);
    private readonly List<SoakViolation> violations = [];
    private readonly List<SoakFinding> hangs = [];
    private readonly int maxLive;

    /// <summary>Instance numbers the machine has (the fewest channels of IOC, TTY and FB), and clusters an instance may take: fixed by the spec.</summary>
    private readonly int instanceNumbers;
    private readonly int poolClusters;
    private readonly int maxClusters;
    private double lastCompletion;

    /// <summary>The watch's clock when the soak's began: the watch started with the machine, before the soak's first command.</summary>
    private double watchOffset;
    private int violationsSeen;
    private long launches;
    private long boots;
    private long refused;
    private long kills;

    public SoakDriver(HypervisorSession session, RealThreadWatch? watch, SoakSettings settings, TimeSpan bootTimeout)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        this.session = session;
        this.watch = watch;
        this.settings = settings;
        this.bootTimeout = bootTimeout;
        spec = session.Handle.Machine.Spec;
        random = new DeterministicRandom(settings.Seed ^ 0x50A4_50A4_50A4_50A4UL);
        instanceNumbers = Math.Min(spec.IocChannels, Math.Min(spec.TtyChannels, spec.FbChannels));
        poolClusters = spec.Clusters().Count() - 1;
        maxLive = settings.MaxLive > 0 ? Math.Min(settings.MaxLive, instanceNumbers) : Math.Min(instanceNumbers, poolClusters);
        maxClusters = settings.MaxClusters > 0 ? settings.MaxClusters : Math.Max(1, poolClusters / 4);
        leaks = new LeakChecks(session.Handle, watch, settings);
    }

    /// <summary>Called about once a second with where the soak stands, on the driver's thread.</summary>
    public Action<SoakProgress>? OnProgress { get; init; }

    /// <summary>Runs the soak until its duration is over, <paramref name="cancel"/> is signalled (Ctrl-C), a violation or a hang.</summary>
    public async Task<SoakReport> RunAsync(CancellationToken cancel)
    {
        clock.Start();
        watchOffset = watch?.Elapsed.TotalSeconds ?? 0;
        var ended = "duration";
        var nextCheck = settings.CheckEvery.TotalSeconds;
        var nextProgress = 1.0;
        while (true)
        {
            if (cancel.IsCancellationRequested)
            {
                ended = "interrupted";
                break;
            }

            if (TakeViolations())
            {
                ended = "violation";
                break;
            }

            if (Now >= settings.Duration.TotalSeconds)
            {
                break;
            }

            if (Now >= nextCheck)
            {
                if (!await SettleAsync(cancel).ConfigureAwait(false))
                {
                    ended = hangs.Count > 0 ? "hang" : "interrupted";
                    break;
                }

                // Once, after warm-up, the machine is emptied, so that the heap's level compares with the emptied machine's at the end.
                var warmUp = !leaks.WarmedUp && Now >= settings.WarmUp.TotalSeconds;
                if (warmUp && !await KillEverythingAsync().ConfigureAwait(false))
                {
                    ended = "hang";
                    break;
                }

                leaks.Check(Now, live.Keys, finalCheck: false, warmUp);
                nextCheck = Now + settings.CheckEvery.TotalSeconds;
                continue;
            }

            while (inFlight.Count < settings.InFlight && Choose() is { } next)
            {
                Start(next.Kind, next.Target, next.Command, Now);
            }

            await NextReplyAsync(cancel).ConfigureAwait(false);
            if (HungSince() is { } stuck)
            {
                Hang(stuck);
                ended = "hang";
                break;
            }

            if (Now >= nextProgress)
            {
                OnProgress?.Invoke(Progress());
                nextProgress = Now + 1;
            }
        }

        if (ended is "duration" or "interrupted")
        {
            // Whatever is in flight is answered, every instance killed, and the empty machine checked once more.
            if (await SettleAsync(CancellationToken.None).ConfigureAwait(false) && await KillEverythingAsync().ConfigureAwait(false))
            {
                TakeViolations();
                leaks.Check(Now, live.Keys, finalCheck: true);
            }
        }

        // After a violation the machine is known broken: what a final check would find are its consequences, not new findings.
        TakeViolations();
        clock.Stop();
        return Report(ended);
    }

    private double Now => clock.Elapsed.TotalSeconds;

    /// <summary>The driver's next command: a launch while there is room, else (or sometimes) a kill; null when neither can be typed now.</summary>
    private (SoakOperationKind Kind, SoakInstance Target, string Command)? Choose()
    {
        var killable = live.Values.Where(static i => !i.Killing && i.Phase != SoakPhase.Launching).ToList();
        var failed = killable.Where(static i => i.Phase == SoakPhase.Failed).ToList();
        var freeNumbers = Enumerable.Range(0, instanceNumbers)
            .Where(n => !live.ContainsKey(n)).ToList();
        // The driver's own estimate of the free clusters, from the sizes it launched: a launch larger is refused at once and teaches nothing.
        var free = poolClusters - live.Values.Sum(static i => i.Size);
        var mayLaunch = live.Count < maxLive && freeNumbers.Count > 0 && free > 0;

        // A failed instance holds its resources until killed: it goes first.
        if (failed.Count > 0)
        {
            return Kill(failed[random.Next(failed.Count)]);
        }

        if (killable.Count > 0 && (!mayLaunch || random.NextDouble() < 0.35))
        {
            return Kill(killable[random.Next(killable.Count)]);
        }

        if (!mayLaunch)
        {
            return null;
        }

        var number = freeNumbers[random.Next(freeNumbers.Count)];
        var size = 1 + random.Next(Math.Min(maxClusters, free));
        var launch = new SoakInstance(number, size, Now);
        live[number] = launch;
        launches++;
        return (SoakOperationKind.Run, launch, string.Create(CultureInfo.InvariantCulture, $"run -nc {size} -i {number}"));
    }

    private static (SoakOperationKind, SoakInstance, string) Kill(SoakInstance instance)
    {
        instance.Killing = true;
        return (SoakOperationKind.Kill, instance, string.Create(CultureInfo.InvariantCulture, $"kill -i {instance.Id}"));
    }

    private void Start(SoakOperationKind kind, SoakInstance target, string command, double launchStartedAt)
    {
        var op = new SoakOperation(kind, target, command, Now, session.ExecuteAsync(command)) { LaunchStartedAt = launchStartedAt };
        inFlight.Add(op);
        history.Enqueue(op);
        while (history.Count > HistoryLength)
        {
            history.Dequeue();
        }
    }

    /// <summary>Waits for a reply (or a tick), then takes every reply that has come.</summary>
    private async Task NextReplyAsync(CancellationToken cancel)
    {
        if (inFlight.Count == 0)
        {
            await Task.Delay(Tick / 4, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var tick = Task.Delay(Tick, cancel);
        await Task.WhenAny(inFlight.Select(static op => (Task)op.Reply).Append(tick)).ConfigureAwait(false);
        foreach (var op in inFlight.Where(static op => op.Reply.IsCompleted).ToList())
        {
            inFlight.Remove(op);
            op.EndedAt = Now;
            lastCompletion = Now;
            Take(op, op.Reply.IsCompletedSuccessfully ? op.Reply.Result : ShellReply.Refused(op.Command, op.Reply.Exception?.GetBaseException().Message ?? "cancelled"));
        }
    }

    private void Take(SoakOperation op, ShellReply reply)
    {
        // Only the launch still live under its number: a reply to an earlier launch of the number finds nothing.
        var instance = live.TryGetValue(op.Instance, out var current) && ReferenceEquals(current, op.Target) ? current : null;
        switch (op.Kind)
        {
            case SoakOperationKind.Run when instance is not null:
                if (reply.Succeeded)
                {
                    if (reply.Answer is InstanceLaunched launched)
                    {
                        instance.Clusters = launched.Instance.Clusters;
                    }

                    instance.Phase = SoakPhase.Booting;
                    // Longer than the hypervisor's own watchdog: the watchdog fails a stuck boot first, with its cores' states.
                    var limit = (int)Math.Ceiling((bootTimeout + TimeSpan.FromSeconds(20)).TotalSeconds);
                    Start(SoakOperationKind.Wait, instance, string.Create(CultureInfo.InvariantCulture, $"wait -i {op.Instance} -t {limit}s"), op.LaunchStartedAt);
                }
                else if (instance.Killing && reply.Error?.Contains("stopped", StringComparison.Ordinal) == true)
                {
                    live.Remove(op.Instance);
                }
                else
                {
                    refused++;
                    live.Remove(op.Instance);
                }

                break;
            case SoakOperationKind.Wait when instance is not null:
                if (reply.Answer is InstanceTable { Instances: [var info, ..] })
                {
                    if (info.State == InstanceState.Running)
                    {
                        boots++;
                        latencies.Add((Now - op.LaunchStartedAt) * 1000);
                        instance.Phase = SoakPhase.Running;
                    }
                    else
                    {
                        instance.Phase = SoakPhase.Failed;
                        var reason = info.FailureReason ?? $"{info.State} with no reason";
                        failures[Fold(reason)] = failures.GetValueOrDefault(Fold(reason)) + 1;
                        if (!settings.FaultsInjected)
                        {
                            // A correct protocol boots: with nothing injected and no kill, a failed boot is a finding.
                            Violation("boot-failed", op.Instance, $"instance {op.Instance} failed at {info.FailedStep} with no fault injected and no kill: {reason}", []);
                        }
                    }
                }
                else if (!instance.Killing)
                {
                    // Neither Running nor Failed in the watchdog's time and more, and not killed: a hang.
                    hangs.Add(Finding($"launch of instance {op.Instance} neither Running nor Failed: {reply.Error}", [op.Instance]));
                    instance.Phase = SoakPhase.Failed;
                }

                break;
            case SoakOperationKind.Kill:
                if (reply.Succeeded)
                {
                    kills++;
                    if (instance is not null)
                    {
                        live.Remove(op.Instance);
                    }
                }
                else if (instance is not null)
                {
                    // Refused (it was still being allocated, say): it may be killed again later.
                    instance.Killing = false;
                }

                break;
        }
    }

    /// <summary>Lets every command in flight be answered, typing nothing new; false on a hang (recorded) or cancellation.</summary>
    private async Task<bool> SettleAsync(CancellationToken cancel)
    {
        lastCompletion = Now;
        while (inFlight.Count > 0)
        {
            if (cancel.IsCancellationRequested)
            {
                return false;
            }

            await NextReplyAsync(CancellationToken.None).ConfigureAwait(false);
            if (HungSince() is { } stuck)
            {
                Hang(stuck);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Kills every live instance, a few at a time as the soak types them (a refused kill is typed again,
    /// twice at most); false on a hang, or when an instance cannot be killed (recorded as a hang: it is stuck).
    /// </summary>
    private async Task<bool> KillEverythingAsync()
    {
        for (var pass = 0; pass < 3 && live.Count > 0; pass++)
        {
            foreach (var instance in live.Values.Where(static i => !i.Killing).ToList())
            {
                var (kind, target, command) = Kill(instance);
                Start(kind, target, command, Now);
                if (inFlight.Count >= settings.InFlight && !await SettleAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    return false;
                }
            }

            if (!await SettleAsync(CancellationToken.None).ConfigureAwait(false))
            {
                return false;
            }
        }

        if (live.Count > 0)
        {
            hangs.Add(Finding($"instance(s) {string.Join(", ", live.Keys)} could not be killed", [.. live.Keys],
                [.. live.Values.Select(static i => i.ToString())]));
            return false;
        }

        return true;
    }

    /// <summary>The oldest command in flight when nothing has been answered for the hang timeout.</summary>
    private SoakOperation? HungSince() =>
        inFlight.Count > 0 && Now - lastCompletion > settings.HangTimeout.TotalSeconds ? inFlight.MinBy(static op => op.StartedAt) : null;

    private void Hang(SoakOperation oldest)
    {
        var detail = new List<string> { $"nothing answered for {settings.HangTimeout.TotalSeconds:0} s; commands in flight:" };
        detail.AddRange(inFlight.Select(static op => "  " + op));
        detail.Add("instances:");
        detail.AddRange(live.Values.Select(static i => "  " + i));
        detail.AddRange(leaks.Dump());
        hangs.Add(Finding($"hang: '{oldest.Command}' unanswered since {oldest.StartedAt:0.0} s", [.. inFlight.Select(static op => op.Instance)], detail));
    }

    /// <summary>Takes the watch's new violations; true if there is one (the soak then ends).</summary>
    private bool TakeViolations()
    {
        if (watch is not null)
        {
            var seen = watch.Violations;
            for (; violationsSeen < seen.Count; violationsSeen++)
            {
                var found = seen[violationsSeen];
                var numbers = InstanceNumbers(found.Reason);
                Violation(found.Invariant, numbers.Count > 0 ? numbers[0] : null, found.Reason, Story(found, numbers), found.At.TotalSeconds - watchOffset);
            }
        }

        return violations.Count > 0;
    }

    private void Violation(string invariant, int? instance, string reason, IReadOnlyList<string> story, double? at = null)
    {
        var when = at ?? Now;
        var concerned = instance is { } n ? new HashSet<int> { n } : [];
        foreach (var other in InstanceNumbers(reason))
        {
            concerned.Add(other);
        }

        // A reason that names a core or a unit by its cluster concerns the instance that held that cluster then.
        foreach (var holder in Holders(reason, when))
        {
            concerned.Add(holder);
        }

        var file = WriteScenario(invariant, concerned, when, [$"{invariant} at {when:0.000} s of a soak (seed {settings.Seed}): {reason}"]);
        violations.Add(new SoakViolation(invariant, instance, Math.Round(when, 3), reason, story, file) { ExploreCommand = Explore(file) });
    }

    private SoakFinding Finding(string what, IReadOnlyList<int> instances, IReadOnlyList<string>? detail = null)
    {
        var file = WriteScenario("hang", new HashSet<int>(instances), Now, [$"{what} at {Now:0.000} s of a soak (seed {settings.Seed})"]);
        return new SoakFinding(Math.Round(Now, 3), what, detail ?? [], file) { ExploreCommand = Explore(file) };
    }

    private string? Explore(string? scenarioFile) =>
        scenarioFile is null || scenarioFile.StartsWith('(') ? null : string.Join(' ', new[] { "actorhyper explore --scenario", scenarioFile }.Concat(settings.ExploreArguments));

    private string? WriteScenario(string invariant, IReadOnlySet<int> instances, double at, IReadOnlyList<string> header)
    {
        var lines = SoakScenario.Lines(history, instances, at);
        var name = string.Create(CultureInfo.InvariantCulture, $"soak-seed{settings.Seed}-{invariant}-{at:0}s");
        try
        {
            return SoakScenario.Write(settings.FindingsDirectory, name, lines, settings.ConfigFile, header, settings.ExploreArguments);
        }
        catch (IOException e)
        {
            return $"(not written: {e.Message})";
        }
    }

    /// <summary>The violation's story: what the watch last saw that concerns its instances (their numbers, their clusters), in the machine's words.</summary>
    private List<string> Story(WatchedViolation found, IReadOnlyList<int> numbers)
    {
        var marks = new List<string>();
        foreach (Match match in ClusterMention().Matches(found.Reason))
        {
            marks.Add($"c-{match.Groups[1].Value}-{match.Groups[2].Value}/");
            marks.Add(match.Value);
        }

        foreach (var number in numbers)
        {
            marks.Add($"instance {number}");
            marks.Add($"InstanceId = {number}");
            marks.Add($"Instance = {number}");
            if (live.TryGetValue(number, out var instance))
            {
                foreach (var cluster in instance.Clusters)
                {
                    marks.Add($"c-{cluster.X}-{cluster.Y}/");
                    marks.Add(cluster.ToString());
                }
            }
        }

        var concerning = found.Recent
            .Where(item => marks.Count == 0 || marks.Exists(mark => item.Text.Contains(mark, StringComparison.Ordinal)
                || item.Receiver.Contains(mark, StringComparison.Ordinal) || item.Sender.Contains(mark, StringComparison.Ordinal)))
            .TakeLast(30)
            .Select(item => item.IsEvent
                ? string.Create(CultureInfo.InvariantCulture, $"{item.At.TotalSeconds - watchOffset:0.000000} s  event: {item.Text}")
                : string.Create(CultureInfo.InvariantCulture, $"{item.At.TotalSeconds - watchOffset:0.000000} s  {item.Receiver} ← {item.Sender}: {item.Text}"))
            .ToList();
        return concerning;
    }

    /// <summary>The instances whose latest launch before <paramref name="at"/> held a cluster <paramref name="text"/> names (the hypervisor's aside).</summary>
    private IEnumerable<int> Holders(string text, double at)
    {
        foreach (Match match in ClusterMention().Matches(text))
        {
            var x = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            if (x == MachineSpec.HypervisorCluster.X && y == MachineSpec.HypervisorCluster.Y)
            {
                continue;
            }

            var holder = history.Where(op => op.StartedAt <= at && op.Target.Clusters.Any(c => c.X == x && c.Y == y)).LastOrDefault();
            if (holder is not null)
            {
                yield return holder.Instance;
            }
        }
    }

    private static List<int> InstanceNumbers(string text) =>
        [.. InstanceNumber().Matches(text).Select(static m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct()];

    /// <summary>
    /// A failure's reason with its addresses and numbers folded and the cores' states cut off, so that
    /// alike failures count together (the report's samples and the instance's own reason keep the detail).
    /// </summary>
    internal static string Fold(string reason)
    {
        var cores = reason.IndexOf("its cores:", StringComparison.Ordinal);
        var kept = cores < 0 ? reason : reason[..(cores + "its cores:".Length)] + " …";
        return Numbers().Replace(Addresses().Replace(kept, "0x…"), "N");
    }

    [GeneratedRegex(@"[Ii]nstance (\d+)")]
    private static partial Regex InstanceNumber();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"0x[0-9A-Fa-f]+")]
    private static partial Regex Addresses();

    [GeneratedRegex(@"\((\d+),(\d+)\)")]
    private static partial Regex ClusterMention();

    private SoakProgress Progress() => new(
        TimeSpan.FromSeconds(Now), settings.Duration, launches, boots, kills, refused, failures.Values.Sum(), live.Count,
        Percentile(0.50), Percentile(0.99), watch?.Observed ?? 0, watch?.Violations.Count ?? violations.Count, leaks.Found.Count);

    private double Percentile(double p) => latencies.Percentile(p);

    private SoakReport Report(string ended) => new()
    {
        Seed = settings.Seed,
        Machine = $"{spec.MeshX}x{spec.MeshY}",
        Monitors = watch is not null,
        Asked = settings.Duration,
        Elapsed = clock.Elapsed,
        Ended = ended,
        Launches = launches,
        Boots = boots,
        Refused = refused,
        Kills = kills,
        Failures = failures,
        Violations = violations,
        Leaks = leaks.Found,
        Hangs = hangs,
        Checks = leaks.Checks,
        BootLatencyP50Ms = Percentile(0.50),
        BootLatencyP99Ms = Percentile(0.99),
        BootsPerSecond = clock.Elapsed.TotalSeconds > 0 ? Math.Round(boots / clock.Elapsed.TotalSeconds, 2) : 0,
        WatchedShare = watch is null || watch.Observed == 0 ? 0 : Math.Round(watch.Watched / (double)watch.Observed, 4),
        MessagesPerSecond = watch is null || clock.Elapsed.TotalSeconds <= 0 ? 0 : Math.Round(watch.Observed / clock.Elapsed.TotalSeconds),
        ExpectedDeadLetters = watch?.ExpectedDeadLetters ?? 0,
        UnexpectedDeadLetters = watch?.UnexpectedDeadLetters ?? 0,
        UnhandledMessages = watch?.UnhandledMessages ?? 0,
        Crashes = watch?.Crashes ?? 0,
        MailboxOverwrites = leaks.MailboxOverwrites,
        Samples = watch is null ? [] :
        [
            .. watch.RecentDeadLetters(5).Select(static item => $"dead letter: {item.Receiver} ← {item.Sender}: {item.Text}"),
            .. watch.RecentUnhandled(5).Select(static item => $"unhandled: {item.Receiver} ← {item.Sender}: {item.Text}"),
            .. watch.RecentCrashes(5).Select(static item => $"crash: {item.Receiver}: {item.Text}"),
        ],
        HeapAfterWarmupBytes = leaks.HeapAfterWarmup,
        HeapEndBytes = leaks.HeapEnd,
        PeakRssBytes = Environment.WorkingSet > 0 ? Math.Max(Process.GetCurrentProcess().PeakWorkingSet64, Environment.WorkingSet) : 0,
        ThreadsAfterWarmup = leaks.ThreadsAfterWarmup,
        ThreadsEnd = leaks.ThreadsEnd,
        Gen0Collections = GC.CollectionCount(0),
        Gen2Collections = GC.CollectionCount(2),
    };
}
