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
                // As the compiled fold reads an enum member: its underlying value, sign-extended.
                return StableHash.Add(hash, Type.GetTypeCode(Enum.GetUnderlyingType(value.GetType())) is TypeCode.UInt64
                    ? Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture)
                    : (ulong)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
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
            hash = shape.Fold(value, hash, depth + 1);
            values = shape.MemberCount;
        }

        if (depth > 0 && values >= LargeValues)
        {
            shape.IsLarge = true;
            Remembered.AddOrUpdate(value, new StrongBox<ulong>(hash));
        }

        return hash;
    }

    /// <summary>A string, or the null marker.</summary>
    private static ulong AddString(ulong hash, string? text) => text is null ? StableHash.Add(hash, NullMarker) : StableHash.AddText(hash, text);

    private const ulong NullMarker = 0x6E756C6CUL;

    /// <summary>Folds one value of a type's members into a hash: built once per type.</summary>
    private delegate ulong MemberFold(object value, ulong hash, int depth);

    /// <summary>
    /// What digesting a type needs, built once per type: its name's hash and one compiled function
    /// that folds its public properties and fields, in declaration order, into a hash, numbers and
    /// strings directly (no boxing), anything else through <see cref="Add"/>. A getter that throws
    /// (not every public property is data) folds a fixed marker instead.
    /// </summary>
    private sealed class TypeShape
    {
        private static readonly MethodInfo AddValue = typeof(StableHash).GetMethod(nameof(StableHash.Add))!;
        private static readonly MethodInfo AddText = typeof(MessageDigest).GetMethod(nameof(AddString), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo AddAny = typeof(MessageDigest).GetMethod(nameof(Add), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo DoubleBits = typeof(BitConverter).GetMethod(nameof(BitConverter.DoubleToInt64Bits))!;

        private TypeShape(ulong nameHash, bool isPrimitive, MemberFold fold, int memberCount)
        {
            NameHash = nameHash;
            IsPrimitive = isPrimitive;
            Fold = fold;
            MemberCount = memberCount;
        }

        public ulong NameHash { get; }

        /// <summary>Other primitive-like values (short, byte, char, float, decimal, DateTime, Guid...) go by their invariant text.</summary>
        public bool IsPrimitive { get; }

        public MemberFold Fold { get; }

        public int MemberCount { get; }

        /// <summary>Set once an instance nested in a message had many values: instances are then remembered.</summary>
        public bool IsLarge { get; set; }

        public static TypeShape Of(Type type)
        {
            var nameHash = StableHash.Of(type.FullName ?? type.Name);
            var isPrimitive = type.IsPrimitive || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid);
            if (isPrimitive || typeof(IEnumerable).IsAssignableFrom(type))
            {
                return new TypeShape(nameHash, isPrimitive, static (_, hash, _) => hash, 0);
            }

            var members = DataMembers(type);
            var value = Expression.Parameter(typeof(object), "value");
            var hash = Expression.Parameter(typeof(ulong), "hash");
            var depth = Expression.Parameter(typeof(int), "depth");
            var typed = Expression.Variable(type, "typed");
            var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(value, type)) };
            body.AddRange(FoldMembers(hash, typed, members, depth, inlineLevels: 3));
            body.Add(hash);
            var fold = Expression.Lambda<MemberFold>(Expression.Block([typed], body), value, hash, depth).Compile();
            return new TypeShape(nameHash, false, fold, members.Count);
        }

        /// <summary>Public properties and fields that are data, in declaration order.</summary>
        private static List<MemberInfo> DataMembers(Type type) =>
            [.. type.GetMembers(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.MetadataToken)
                .Where(member => member switch
                {
                    PropertyInfo { CanRead: true } property => property.GetIndexParameters().Length == 0
                        && property.GetMethod is { IsPublic: true } && property.Name != "EqualityContract",
                    FieldInfo => true,
                    _ => false,
                })];

        /// <summary>One assignment of <paramref name="hash"/> per member, each guarded against a throwing getter.</summary>
        private static IEnumerable<Expression> FoldMembers(ParameterExpression hash, Expression instance, List<MemberInfo> members,
            ParameterExpression depth, int inlineLevels)
        {
            foreach (var member in members)
            {
                var folded = FoldMember(hash, Expression.MakeMemberAccess(instance, member), depth, inlineLevels);
                yield return Expression.Assign(hash, Expression.TryCatch(folded,
                    Expression.Catch(typeof(Exception), Expression.Call(AddValue, hash, Expression.Constant(GetterFailedMarker)))));
            }
        }

        /// <summary>
        /// A nested struct or sealed class (not a sequence, a string or an actor reference) is folded
        /// in place, as <see cref="Composite"/> would (its own digest, as one value), without boxing
        /// it or looking its shape up: most messages are records of small records.
        /// </summary>
        private static bool Inlinable(Type type) =>
            !type.IsPrimitive && !type.IsEnum && !type.IsInterface && !type.IsAbstract && !type.IsGenericTypeDefinition
            && (type.IsValueType || type.IsSealed)
            && type != typeof(string) && type != typeof(decimal) && type != typeof(DateTime) && type != typeof(DateTimeOffset)
            && type != typeof(Guid) && type != typeof(TimeSpan) && !typeof(Delegate).IsAssignableFrom(type)
            && !typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IActorRef).IsAssignableFrom(type) && !typeof(Type).IsAssignableFrom(type)
            && Nullable.GetUnderlyingType(type) is null;

        private static Expression InlineFold(ParameterExpression hash, Expression member, ParameterExpression depth, int inlineLevels)
        {
            var type = member.Type;
            var sub = Expression.Variable(typeof(ulong), "sub");
            var local = Expression.Variable(type, "nested");
            var body = new List<Expression>
            {
                Expression.Assign(local, member),
                Expression.Assign(sub, Expression.Constant(StableHash.Add(StableHash.Offset, StableHash.Of(type.FullName ?? type.Name)))),
            };
            body.AddRange(FoldMembers(sub, local, DataMembers(type), depth, inlineLevels - 1));
            body.Add(Expression.Call(AddValue, hash, sub));
            Expression folded = Expression.Block(typeof(ulong), [sub, local], body);
            return type.IsValueType
                ? folded
                : Expression.Condition(Expression.ReferenceEqual(member, Expression.Constant(null, type)),
                    Expression.Call(AddValue, hash, Expression.Constant(NullMarker)), folded);
        }

        private const ulong GetterFailedMarker = 0x6765747465724641UL;

        private static Expression FoldMember(ParameterExpression hash, Expression member, ParameterExpression depth, int inlineLevels)
        {
            var type = member.Type;
            if (inlineLevels > 0 && Inlinable(type))
            {
                return InlineFold(hash, member, depth, inlineLevels);
            }

            if (type == typeof(string))
            {
                return Expression.Call(AddText, hash, member);
            }

            if (type.IsEnum)
            {
                type = Enum.GetUnderlyingType(type);
                member = Expression.Convert(member, type);
            }

            Expression? bits = type switch
            {
                _ when type == typeof(bool) => Expression.Condition(member, Expression.Constant(1UL), Expression.Constant(2UL)),
                _ when type == typeof(sbyte) || type == typeof(short) || type == typeof(int) || type == typeof(long) =>
                    Expression.Convert(Expression.Convert(member, typeof(long)), typeof(ulong)),
                _ when type == typeof(byte) || type == typeof(ushort) || type == typeof(char) || type == typeof(uint) || type == typeof(ulong) =>
                    Expression.Convert(member, typeof(ulong)),
                _ when type == typeof(double) => Expression.Convert(Expression.Call(DoubleBits, member), typeof(ulong)),
                _ when type == typeof(float) => Expression.Convert(Expression.Call(DoubleBits, Expression.Convert(member, typeof(double))), typeof(ulong)),
                _ when type == typeof(TimeSpan) => Expression.Convert(Expression.Property(member, nameof(TimeSpan.Ticks)), typeof(ulong)),
                _ => null,
            };
            return bits is not null
                ? Expression.Call(AddValue, hash, bits)
                : Expression.Call(AddAny, hash, Expression.Convert(member, typeof(object)), depth);
        }
    }
}
