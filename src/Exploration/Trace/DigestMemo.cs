namespace ActorHyper.Exploration.Trace;

/// <summary>
/// Digests already taken in this run, by reference: the large values nested in many messages (a
/// list of regions, an arch-info, passed along many hops) and actors' paths. Messages are immutable
/// values, so a remembered digest is the one that would be computed again. A run's memo never
/// forgets before <see cref="Clear"/>, so whether a value is remembered depends only on the run's
/// own history, never on how references hash. One memo per driver: never shared between threads.
/// </summary>
public sealed class DigestMemo
{
    private readonly Dictionary<object, ulong> _known = new(ReferenceEqualityComparer.Instance);

    /// <summary>Per type, its digester (kept across runs: a type's digester never changes).</summary>
    private readonly Dictionary<Type, MessageDigest.Digester> _digesters = new(ReferenceEqualityComparer.Instance);

    /// <summary>Digests remembered in this run.</summary>
    public int Count => _known.Count;

    /// <summary>Forgets every digest (a new run), releasing the values.</summary>
    public void Clear() => _known.Clear();

    internal bool TryGet(object value, out ulong digest) => _known.TryGetValue(value, out digest);

    internal void Remember(object value, ulong digest) => _known[value] = digest;

    internal MessageDigest.Digester? DigesterOf(Type type) => _digesters.GetValueOrDefault(type);

    internal void RememberDigester(Type type, MessageDigest.Digester digester) => _digesters[type] = digester;
}
