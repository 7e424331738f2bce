using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
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
                return StableHash.AddText(hash, actor.Path.ToStringWithoutAddress());
            case Type type:
                return StableHash.AddText(hash, type.FullName ?? type.Name);
            case Enum:
                return StableHash.Add(hash, Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            case Delegate:
                return StableHash.AddText(hash, value.GetType().FullName ?? "delegate");
        }

        var shape = Shapes.GetOrAdd(value.GetType(), TypeShape.Of);
        hash = StableHash.Add(hash, shape.NameHash);
        if (depth >= MaxDepth)
        {
            return hash;
        }

        if (shape.IsPrimitive)
        {
            return StableHash.AddText(hash, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        if (value is IEnumerable sequence)
        {
            ulong count = 0;
            foreach (var item in sequence)
            {
                hash = Add(hash, item, depth + 1);
                count++;
            }

            return StableHash.Add(hash, count);
        }

        foreach (var member in shape.Members)
        {
            hash = Add(hash, member(value), depth + 1);
        }

        return hash;
    }

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
