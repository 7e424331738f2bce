namespace ActorHyper.Hardware.Guest;

/// <summary>
/// The Off++ boot invariants of DESIGN.md §7, as pure logic a monitor feeds with what the guest
/// did. Each report returns null or a one-line violation (several broken rules at once are joined
/// with "; "), and every violation is kept in <see cref="Violations"/>. Rules:
/// <list type="bullet">
/// <item>phases never go backwards (banks &lt; KVM &lt; relocation table &lt; portal &lt; hardware &lt; abstract &lt; non-boot cpus), and no server starts twice;</item>
/// <item>server ids are unique with slot = seq; a server takes an id exactly when <see cref="ServerStart.TakesServerId"/>, and no two servers share one;</item>
/// <item><c>get_server_id</c> runs only on the boot core and only before any shuttle exists (it has no locking);</item>
/// <item>the DMM never starts with DTLB off;</item>
/// <item>shuttles (idle ones included) exist only after the shuttle server started, and a processor takes its idle shuttle only once it was started.</item>
/// </list>
/// </summary>
public sealed class BootOrderChecker
{
    private readonly List<string> violations = [];
    private readonly HashSet<OffId> issued = [];
    private readonly Dictionary<OffId, ServerStart> idOwners = [];
    private readonly HashSet<(ServerKind Kind, int Index)> startedServers = [];
    private readonly List<(ServerStart Entry, OffId? Id, int Core)> started = [];
    private ServerStart? latestOfHighestPhase;

    public BootOrderChecker(bool dtlb) => Dtlb = dtlb;

    public bool Dtlb { get; }

    public IReadOnlyList<string> Violations => violations;

    /// <summary>Every server start reported, in order, with its id and the core that started it.</summary>
    public IReadOnlyList<(ServerStart Entry, OffId? Id, int Core)> Started => started;

    public bool ShuttleServerStarted { get; private set; }

    public bool ShuttleExists { get; private set; }

    /// <summary>The boot core called <c>get_server_id</c> (or some core did) and got <paramref name="id"/>.</summary>
    public string? ServerIdTaken(OffId id, int core, bool isBootCore)
    {
        var found = new List<string>();
        if (!isBootCore)
        {
            found.Add($"get_server_id called on core {core}, not the boot core (gave {id})");
        }
        if (ShuttleExists)
        {
            found.Add($"get_server_id called on core {core} after a shuttle exists (gave {id})");
        }
        if (!issued.Add(id))
        {
            found.Add($"server id {id} issued twice");
        }
        if (!id.SlotMatchesSeq)
        {
            found.Add($"server id {id} has slot {id.Slot}, not its seq {id.Seq}");
        }
        return Report(found);
    }

    /// <summary><paramref name="core"/> started the server of <paramref name="entry"/> with <paramref name="id"/> (null: none).</summary>
    public string? ServerStarted(ServerStart entry, OffId? id, int core)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var found = new List<string>();
        // Described only when a rule breaks: this runs for every server of every boot.
        string Name() => entry.Describe();
        if (latestOfHighestPhase is { } previous && entry.Phase < previous.Phase)
        {
            found.Add($"{Name()} started after {previous.DescribeAsObject()} (phase {entry.Phase} after {previous.Phase})");
        }
        if (!startedServers.Add((entry.Kind, entry.Index)))
        {
            found.Add($"{Name()} started twice");
        }
        if (entry.Kind == ServerKind.Dmm && !Dtlb)
        {
            found.Add("DMM started with DTLB off");
        }
        if (id is { } given)
        {
            if (!entry.TakesServerId)
            {
                found.Add($"{Name()} started with server id {given}, but it takes none");
            }
            else if (idOwners.TryGetValue(given, out var owner))
            {
                found.Add($"{Name()} started with server id {given}, already given to {owner.DescribeAsObject()}");
            }
            else
            {
                idOwners.Add(given, entry);
            }
        }
        else if (entry.TakesServerId)
        {
            found.Add($"{Name()} started without a server id");
        }

        if (latestOfHighestPhase is null || entry.Phase >= latestOfHighestPhase.Phase)
        {
            latestOfHighestPhase = entry;
        }
        if (entry.Kind == ServerKind.Shuttle)
        {
            ShuttleServerStarted = true;
        }
        started.Add((entry, id, core));
        return Report(found);
    }

    /// <summary>A shuttle now exists on <paramref name="core"/>: from here on <c>get_server_id</c> is off limits.</summary>
    public string? ShuttleCreated(int core)
    {
        ShuttleExists = true;
        return ShuttleServerStarted
            ? null
            : Report([$"a shuttle was created on core {core} before the shuttle server started"]);
    }

    /// <summary>Processor <paramref name="processor"/> took its idle shuttle (which is a shuttle too).</summary>
    public string? IdleShuttleTaken(int processor)
    {
        ShuttleExists = true;
        var found = new List<string>();
        if (!ShuttleServerStarted)
        {
            found.Add($"processor {processor} took its idle shuttle before the shuttle server started");
        }
        if (!startedServers.Contains((ServerKind.Processor, processor)))
        {
            found.Add($"processor {processor} took its idle shuttle before it was started");
        }
        return Report(found);
    }

    /// <summary>srvstart returned: every server of <paramref name="plan"/> must have started.</summary>
    public string? SrvstartFinished(SrvstartPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var missing = plan.Starts.Where(entry => !startedServers.Contains((entry.Kind, entry.Index))).ToList();
        return missing.Count == 0
            ? null
            : Report([$"srvstart finished without starting {string.Join(", ", missing.Select(entry => entry.DescribeAsObject()))}"]);
    }

    private string? Report(List<string> found)
    {
        if (found.Count == 0)
        {
            return null;
        }
        var violation = string.Join("; ", found);
        violations.Add(violation);
        return violation;
    }
}
