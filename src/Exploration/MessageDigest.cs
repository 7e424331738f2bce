using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Akka.Actor;

namespace ActorHyper.Exploration;

/// <summary>
/// A stable digest of a message's value, the same in every process: primitives and strings by value,
/// an actor reference by its path (never its uid, which is random), sequences element by element, and
/// any other object by its type's name and its public properties and fields, in declaration order.
/// Two records that differ in one field digest differently; their <c>GetHashCode</c> cannot serve,
/// since string hashes change from process to process.
/// </summary>
public static class MessageDigest
{
    /// <summary>Deeper structures are cut here (and cycles end here): messages are small values.</summary>
    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, TypeShape> Shapes = new();

    /// <summary>Objects with this many members or elements are worth remembering (a lookup costs a few of them).</summary>
    private const int LargeValues = 8;

    /// <summary>Digests of large nested objects, by reference; entries go with their objects.</summary>
    private static readonly ConditionalWeakTable<object, StrongBox<ulong>> Remembered = new();

    /// <summary>An actor's path digest, computed once per reference: paths are built on demand by Akka.</summary>
    private static readonly ConditionalWeakTable<IActorRef, StrongBox<ulong>> ActorDigests = new();

    public static ulong Of(object? message) => Add(StableHash.Offset, message, 0);

    private static ulong Add(ulong hash, object? value, int depth)
    {
        switch (value)
        {
            case null:
                return StableHash.Add(hash, 0x6E756C6CUL);
            case string text:
                return StableHash.AddText(hash, text);
            case bool flag:
                return StableHash.Add(hash, flag ? 1UL : 2UL);
            case int number:
                return StableHash.Add(hash, (ulong)number);
            case long number:
                return StableHash.Add(hash, (ulong)number);
            case ulong number:
                return StableHash.Add(hash, number);
            case uint number:
                return StableHash.Add(hash, number);
            case double number:
                return StableHash.Add(hash, (ulong)BitConverter.DoubleToInt64Bits(number));
            case TimeSpan span:
                return StableHash.Add(hash, (ulong)span.Ticks);
            case IActorRef actor:
                return StableHash.Add(hash, ActorDigests.GetValue(actor, static a => new StrongBox<ulong>(StableHash.AddText(StableHash.Offset, a.Path.ToStringWithoutAddress()))).Value);
            case Type type:
                return StableHash.AddText(hash, type.FullName ?? type.Name);
            case Enum:
                return StableHash.Add(hash, Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            case Delegate:
                return StableHash.AddText(hash, value.GetType().FullName ?? "delegate");
        }

        return StableHash.Add(hash, Composite(value, depth));
    }

    /// <summary>
    /// An object's own digest, folded into its container's as one value. A nested object of a type
    /// seen large (a list of regions, an arch-info) is digested once and remembered by reference:
    /// messages are immutable values, and big ones are passed along many hops. The digest is the
    /// same whether it was remembered or not, so what a process saw before never changes a trace.
    /// </summary>
    private static ulong Composite(object value, int depth)
    {
        var shape = Shapes.GetOrAdd(value.GetType(), TypeShape.Of);
        if (depth > 0 && shape.IsLarge && Remembered.TryGetValue(value, out var known))
        {
            return known.Value;
        }

        var hash = StableHash.Add(StableHash.Offset, shape.NameHash);
        if (depth >= MaxDepth)
        {
            return hash;
        }

        if (shape.IsPrimitive)
        {
            return StableHash.AddText(hash, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        var values = 0;
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                hash = Add(hash, item, depth + 1);
                values++;
            }

            hash = StableHash.Add(hash, (ulong)values);
        }
        else
        {
            foreach (var member in shape.Members)
            {
                hash = Add(hash, Read(member, value), depth + 1);
            }

            values = shape.Members.Length;
        }

        if (depth > 0 && values >= LargeValues)
        {
            shape.IsLarge = true;
            Remembered.AddOrUpdate(value, new StrongBox<ulong>(hash));
        }

        return hash;
    }

    /// <summary>A member's value; one whose getter throws (not every public property is data) digests as a fixed marker.</summary>
    private static object? Read(Func<object, object?> member, object value)
    {
        try
        {
            return member(value);
        }
#pragma warning disable CA1031 // A getter's failure is not the run's: the digest goes on without that member.
        catch (Exception)
#pragma warning restore CA1031
        {
            return GetterFailed;
        }
    }

    private static readonly object GetterFailed = "(getter failed)";

    /// <summary>What digesting a type needs, built once per type: its name's hash and compiled getters of its public members.</summary>
    private sealed class TypeShape
    {
        private TypeShape(ulong nameHash, bool isPrimitive, Func<object, object?>[] members)
        {
            NameHash = nameHash;
            IsPrimitive = isPrimitive;
            Members = members;
        }

        public ulong NameHash { get; }

        /// <summary>Other primitive-like values (short, byte, char, float, decimal, DateTime, Guid...) go by their invariant text.</summary>
        public bool IsPrimitive { get; }

        public Func<object, object?>[] Members { get; }

        /// <summary>Set once an instance nested in a message had many values: instances are then remembered.</summary>
        public bool IsLarge { get; set; }

        public static TypeShape Of(Type type)
        {
            var nameHash = StableHash.Of(type.FullName ?? type.Name);
            var isPrimitive = type.IsPrimitive || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid);
            if (isPrimitive || typeof(IEnumerable).IsAssignableFrom(type))
            {
                return new TypeShape(nameHash, isPrimitive, []);
            }

            var getters = new List<Func<object, object?>>();
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.MetadataToken))
            {
                var getter = member switch
                {
                    PropertyInfo { CanRead: true } property when property.GetIndexParameters().Length == 0
                        && property.GetMethod is { IsPublic: true } && property.Name != "EqualityContract" => Getter(type, property),
                    FieldInfo field => Getter(type, field),
                    _ => null,
                };
                if (getter is not null)
                {
                    getters.Add(getter);
                }
            }

            return new TypeShape(nameHash, false, [.. getters]);
        }

        private static Func<object, object?> Getter(Type type, MemberInfo member)
        {
            var instance = Expression.Parameter(typeof(object), "message");
            var access = Expression.MakeMemberAccess(Expression.Convert(instance, type), member);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), instance).Compile();
        }
    }
}
