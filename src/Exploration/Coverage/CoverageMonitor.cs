using System.Reflection;
using System.Runtime.CompilerServices;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using Akka.Actor;

namespace ActorHyper.Exploration.Coverage;

/// <summary>
/// Records the (actor type, message type, state) triples a run delivers, for the exploration's
/// coverage (<see cref="ScheduleResult.Coverage"/>). The state is the receiver's
/// <see cref="IStateName.CurrentStateName"/>, an Akka <c>FSM</c>'s <c>StateName</c>, or
/// <see cref="CoverageTriple.NoState"/>, read before the handler runs: the state the message found.
/// It never fails a run.
/// </summary>
public sealed class CoverageMonitor(Func<Type, bool>? ignore = null) : RunMonitor, IStateDigest
{
    private readonly HashSet<Seen> _seen = new(SeenComparer.Instance);

    /// <summary>Per actor type, how its state is read (null: it names none); reflection once per type.</summary>
    private readonly Dictionary<Type, Func<object, string>?> _stateReaders = [];

    /// <summary>Constant: coverage only watches, it never fails a run, so it tells no two states apart (a dfs search keeps its state cache).</summary>
    public ulong StateDigest() => 0;

    public override string Name => "coverage";

    public override void OnRunStart() => _seen.Clear();

    public override void OnDelivery(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        // A dead letter reached no handler: no (actor, message, state) was covered.
        if (delivery.IsDeadLetter || (delivery.ReceiverRef as ActorRefWithCell)?.Underlying is not ActorCell cell || ActorOf(cell) is not { } actor)
        {
            return;
        }

        var type = actor.GetType();
        if (ignore?.Invoke(type) == true)
        {
            return;
        }

        _seen.Add(new Seen(type, DeliveredMessage.Unwrap(delivery.Message).GetType(), StateOf(type, actor)));
    }

    /// <summary>This run's triples so far, in order.</summary>
    public IReadOnlyList<CoverageTriple> Triples()
    {
        var triples = new CoverageTriple[_seen.Count];
        var i = 0;
        foreach (var (actor, message, state) in _seen)
        {
            triples[i++] = new CoverageTriple(NameOf(actor), NameOf(message), state);
        }

        Array.Sort(triples);
        return triples;
    }

    /// <summary>A type's name as C# writes it, without namespace: <c>List&lt;Int32&gt;</c>, <c>Outer.Inner</c>.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.Name;
        if (type.IsGenericType)
        {
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            name = (tick < 0 ? name : name[..tick]) + "<" + string.Join(",", type.GetGenericArguments().Select(NameOf)) + ">";
        }

        return type.IsNested && type.DeclaringType is { } outer && !type.IsGenericParameter ? $"{outer.Name}.{name}" : name;
    }

    /// <summary>The cell's actor instance: Akka keeps <c>ActorCell.Actor</c> internal, so it is read through a delegate made once.</summary>
    private static readonly Func<ActorCell, ActorBase?> ActorOf =
        typeof(ActorCell).GetProperty("Actor", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance)?.GetGetMethod(nonPublic: true) is { } getter
            ? getter.CreateDelegate<Func<ActorCell, ActorBase?>>()
            : static _ => null;

    private string StateOf(Type type, ActorBase actor)
    {
        if (actor is IStateName named)
        {
            return named.CurrentStateName ?? CoverageTriple.NoState;
        }

        if (!_stateReaders.TryGetValue(type, out var reader))
        {
            reader = FsmStateReader(type);
            _stateReaders.Add(type, reader);
        }

        return reader is null ? CoverageTriple.NoState : reader(actor);
    }

    /// <summary>The <c>StateName</c> getter of Akka's <c>FSM&lt;TState, TData&gt;</c>, if <paramref name="type"/> is one.</summary>
    private static Func<object, string>? FsmStateReader(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(FSM<,>)
                && t.GetProperty("StateName", BindingFlags.Public | BindingFlags.Instance) is { } property)
            {
                return actor => property.GetValue(actor)?.ToString() ?? CoverageTriple.NoState;
            }
        }

        return null;
    }

    /// <summary>A triple as seen: types by identity, the state by its text.</summary>
    private readonly record struct Seen(Type Actor, Type Message, string State);

    /// <summary>
    /// Types compared by reference and hashed by identity, the state by ordinal text: a delivery's
    /// look-up without the default comparers' dispatch on every field (it runs at every delivery).
    /// </summary>
    private sealed class SeenComparer : IEqualityComparer<Seen>
    {
        public static readonly SeenComparer Instance = new();

        public bool Equals(Seen x, Seen y) =>
            ReferenceEquals(x.Actor, y.Actor) && ReferenceEquals(x.Message, y.Message) && string.Equals(x.State, y.State, StringComparison.Ordinal);

        public int GetHashCode(Seen seen) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(seen.Actor), RuntimeHelpers.GetHashCode(seen.Message), seen.State.Length, seen.State.Length == 0 ? 0 : seen.State[0]);
    }
}
