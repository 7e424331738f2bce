using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Akka.Actor;

namespace ActorHyper.Exploration.Trace;

/// <summary>
/// A stable digest of a message's value, the same in every process: primitives and strings by value,
/// an actor reference by its path (never its uid, which is random), sequences element by element, and
/// any other object by its type's name and its public properties and fields, in declaration order.
/// Two records that differ in one field digest differently; their <c>GetHashCode</c> cannot serve,
/// since string hashes change from process to process.
/// </summary>
/// <remarks>
/// Every runtime type gets one compiled function, found by one lookup: no chain of type tests, no
/// boxing of numbers, no enumerator for lists and arrays, and auto-properties read from their backing
/// fields (no getter can throw there). A driver passes its <see cref="DigestMemo"/>: large nested
/// values and actor paths, which many messages share, are then digested once per run.
/// </remarks>
public static class MessageDigest
{
    /// <summary>Deeper structures are cut here (and cycles end here): messages are small values.</summary>
    internal const int MaxDepth = 8;

    /// <summary>Nested objects with this many members or elements are remembered (a lookup costs a few of them).</summary>
    internal const int LargeValues = 8;

    internal const ulong NullMarker = 0x6E756C6CUL;

    private const ulong GetterFailedMarker = 0x6765747465724641UL;

    private static readonly ConcurrentDictionary<Type, Digester> Digesters = new();

    public static ulong Of(object? message) => Of(message, null);

    /// <summary>The digest of <paramref name="message"/>, remembering shared values in <paramref name="memo"/> (the same digest either way).</summary>
    public static ulong Of(object? message, DigestMemo? memo) => Add(StableHash.Offset, message, 0, memo);

    /// <summary>Folds <paramref name="value"/>'s own digest into <paramref name="hash"/>; called by the compiled functions for values of open types.</summary>
    internal static ulong Add(ulong hash, object? value, int depth, DigestMemo? memo) =>
        StableHash.Add(hash, value is null ? NullMarker : DigesterOf(value.GetType(), memo).Digest(value, depth, memo));

    /// <summary>A run's memo keeps the digesters it used, by type identity: one driver's thread, so no concurrent look-up at every value.</summary>
    private static Digester DigesterOf(Type type, DigestMemo? memo)
    {
        if (memo?.DigesterOf(type) is { } known)
        {
            return known;
        }

        var digester = Digesters.TryGetValue(type, out var shared) ? shared : Digesters.GetOrAdd(type, Digester.Build);
        memo?.RememberDigester(type, digester);
        return digester;
    }

    /// <summary>A string, or the null marker, folded in.</summary>
    private static ulong AddString(ulong hash, string? text) => StableHash.Add(hash, text is null ? NullMarker : StableHash.AddText(StableHash.Offset, text));

    private static ulong ActorDigest(IActorRef actor, DigestMemo? memo)
    {
        if (memo is not null && memo.TryGet(actor, out var known))
        {
            return known;
        }

        var digest = StableHash.AddText(StableHash.Offset, actor.Path.ToStringWithoutAddress());
        memo?.Remember(actor, digest);
        return digest;
    }

    /// <summary>A value's own digest, from its type's compiled function.</summary>
    internal delegate ulong DigestFunction(object value, int depth, DigestMemo? memo);

    /// <summary>How one runtime type is digested: built once per type, compiled for composites and sequences.</summary>
    internal sealed class Digester(DigestFunction digest)
    {
        private static readonly MethodInfo AddValue = typeof(StableHash).GetMethod(nameof(StableHash.Add))!;
        private static readonly MethodInfo AddText = typeof(MessageDigest).GetMethod(nameof(AddString), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo AddAny = typeof(MessageDigest).GetMethod(nameof(Add), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo DoubleBits = typeof(BitConverter).GetMethod(nameof(BitConverter.DoubleToInt64Bits))!;
        private static readonly MethodInfo MemoTryGet = typeof(DigestMemo).GetMethod(nameof(DigestMemo.TryGet), BindingFlags.NonPublic | BindingFlags.Instance)!;
        private static readonly MethodInfo MemoRemember = typeof(DigestMemo).GetMethod(nameof(DigestMemo.Remember), BindingFlags.NonPublic | BindingFlags.Instance)!;

        public DigestFunction Digest { get; } = digest;

        public static Digester Build(Type type)
        {
            var nameHash = StableHash.Add(StableHash.Offset, StableHash.Of(type.FullName ?? type.Name));
            if (type == typeof(string))
            {
                return new((value, _, _) => StableHash.AddText(StableHash.Offset, (string)value));
            }

            if (typeof(IActorRef).IsAssignableFrom(type))
            {
                return new((value, _, memo) => ActorDigest((IActorRef)value, memo));
            }

            if (typeof(Type).IsAssignableFrom(type))
            {
                return new((value, _, _) => StableHash.AddText(StableHash.Offset, ((Type)value).FullName ?? ((Type)value).Name));
            }

            if (typeof(Delegate).IsAssignableFrom(type))
            {
                var text = StableHash.AddText(StableHash.Offset, type.FullName ?? "delegate");
                return new((_, _, _) => text);
            }

            if (ValueBits(Expression.Parameter(type)) is not null)
            {
                // Numbers, booleans, enums and time spans: their bits, as a member of that type folds them.
                return new(CompileBits(type));
            }

            if (type.IsPrimitive || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid))
            {
                // Other primitive-like values (char, float, decimal, DateTime, Guid...) go by their invariant text.
                return new((value, _, _) => StableHash.AddText(nameHash, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
            }

            if (ListElement(type) is { } element)
            {
                return new(CompileList(type, element, nameHash));
            }

            if (typeof(IEnumerable).IsAssignableFrom(type))
            {
                return new((value, depth, memo) => Sequence(nameHash, (IEnumerable)value, depth, memo));
            }

            var members = DataMembers(type);
            return new(CompileTop(type, nameHash, (typed, hash, depth, memo) => FoldMembers(hash, typed, members, depth, memo, inlineLevels: 3),
                remember: members.Count >= LargeValues));
        }

        /// <summary>Any other sequence: element by element through its enumerator, then the count.</summary>
        private static ulong Sequence(ulong nameHash, IEnumerable sequence, int depth, DigestMemo? memo)
        {
            if (depth >= MaxDepth)
            {
                return nameHash;
            }

            var hash = nameHash;
            var count = 0UL;
            foreach (var item in sequence)
            {
                hash = Add(hash, item, depth + 1, memo);
                count++;
            }

            return StableHash.Add(hash, count);
        }

        /// <summary>The element type of an array or an <see cref="IReadOnlyList{T}"/> read by index, if the type is one.</summary>
        private static Type? ListElement(Type type)
        {
            if (type.IsArray)
            {
                return type.GetArrayRank() == 1 ? type.GetElementType() : null;
            }

            var list = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>));
            return list?.GetGenericArguments()[0];
        }

        /// <summary>
        /// The value's own digest: its type's name hash, then what <paramref name="fold"/> adds, cut at
        /// <see cref="MaxDepth"/>; a large value nested in another is looked up in the memo first.
        /// </summary>
        private static DigestFunction CompileTop(Type type, ulong nameHash,
            Func<Expression, ParameterExpression, ParameterExpression, ParameterExpression, IEnumerable<Expression>> fold, bool remember)
        {
            var (value, depth, memo) = Parameters();
            var typed = Expression.Variable(type, "typed");
            var hash = Expression.Variable(typeof(ulong), "hash");
            var known = Expression.Variable(typeof(ulong), "known");
            var done = Expression.Label(typeof(ulong), "done");
            var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(value, type)) };
            var memoUsable = Expression.AndAlso(Expression.GreaterThan(depth, Expression.Constant(0)), Expression.NotEqual(memo, Expression.Constant(null, typeof(DigestMemo))));
            if (remember)
            {
                body.Add(Expression.IfThen(
                    Expression.AndAlso(memoUsable, Expression.Call(memo, MemoTryGet, value, known)),
                    Expression.Return(done, known)));
            }

            body.Add(Expression.Assign(hash, Expression.Constant(nameHash)));
            body.Add(Expression.IfThen(Expression.GreaterThanOrEqual(depth, Expression.Constant(MaxDepth)), Expression.Return(done, hash)));
            var next = Expression.Add(depth, Expression.Constant(1));
            var deeper = Expression.Variable(typeof(int), "deeper");
            body.Add(Expression.Assign(deeper, next));
            body.AddRange(fold(typed, hash, deeper, memo));
            if (remember)
            {
                body.Add(Expression.IfThen(memoUsable, Expression.Call(memo, MemoRemember, value, hash)));
            }

            body.Add(Expression.Label(done, hash));
            return Expression.Lambda<DigestFunction>(Expression.Block([typed, hash, known, deeper], body), value, depth, memo).Compile();
        }

        /// <summary>The parameters of a <see cref="DigestFunction"/>.</summary>
        private static (ParameterExpression Value, ParameterExpression Depth, ParameterExpression Memo) Parameters() =>
            (Expression.Parameter(typeof(object), "value"), Expression.Parameter(typeof(int), "depth"), Expression.Parameter(typeof(DigestMemo), "memo"));

        /// <summary>A number's own digest is its bits (not folded with its type's name), as a member of its type folds them.</summary>
        private static DigestFunction CompileBits(Type type)
        {
            var (value, depth, memo) = Parameters();
            return Expression.Lambda<DigestFunction>(ValueBits(Expression.Unbox(value, type))!, value, depth, memo).Compile();
        }

        /// <summary>An array or read-only list: each element by index, folded as a member of the element type is, then the count.</summary>
        private static DigestFunction CompileList(Type type, Type element, ulong nameHash)
        {
            var (value, depth, memo) = Parameters();
            var typed = Expression.Variable(type, "typed");
            var hash = Expression.Variable(typeof(ulong), "hash");
            var known = Expression.Variable(typeof(ulong), "known");
            var count = Expression.Variable(typeof(int), "count");
            var index = Expression.Variable(typeof(int), "index");
            var deeper = Expression.Variable(typeof(int), "deeper");
            var done = Expression.Label(typeof(ulong), "done");
            var loopEnd = Expression.Label("loopEnd");
            Expression countOf = type.IsArray
                ? Expression.ArrayLength(typed)
                : Expression.Property(Expression.Convert(typed, typeof(IReadOnlyCollection<>).MakeGenericType(element)), "Count");
            Expression item = type.IsArray
                ? Expression.ArrayIndex(typed, index)
                : Expression.Property(Expression.Convert(typed, typeof(IReadOnlyList<>).MakeGenericType(element)), "Item", index);
            var memoUsable = Expression.AndAlso(
                Expression.AndAlso(Expression.GreaterThan(depth, Expression.Constant(0)), Expression.NotEqual(memo, Expression.Constant(null, typeof(DigestMemo)))),
                Expression.GreaterThanOrEqual(count, Expression.Constant(LargeValues)));
            var body = new List<Expression>
            {
                Expression.Assign(typed, Expression.Convert(value, type)),
                Expression.Assign(hash, Expression.Constant(nameHash)),
                Expression.IfThen(Expression.GreaterThanOrEqual(depth, Expression.Constant(MaxDepth)), Expression.Return(done, hash)),
                Expression.Assign(count, countOf),
                Expression.IfThen(Expression.AndAlso(memoUsable, Expression.Call(memo, MemoTryGet, value, known)), Expression.Return(done, known)),
                Expression.Assign(deeper, Expression.Add(depth, Expression.Constant(1))),
                Expression.Assign(index, Expression.Constant(0)),
                Expression.Loop(
                    Expression.IfThenElse(
                        Expression.LessThan(index, count),
                        Expression.Block(
                            Expression.Assign(hash, FoldMember(hash, item, deeper, memo, inlineLevels: 3)),
                            Expression.PostIncrementAssign(index)),
                        Expression.Break(loopEnd)),
                    loopEnd),
                Expression.Assign(hash, Expression.Call(AddValue, hash, Expression.Convert(count, typeof(ulong)))),
                Expression.IfThen(memoUsable, Expression.Call(memo, MemoRemember, value, hash)),
                Expression.Label(done, hash),
            };
            return Expression.Lambda<DigestFunction>(Expression.Block([typed, hash, known, count, index, deeper], body), value, depth, memo).Compile();
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

        /// <summary>
        /// One assignment of <paramref name="hash"/> per member. A field, or an auto-property read
        /// through its backing field, cannot throw; any other getter is guarded (not every public
        /// property is data) and folds a fixed marker if it throws.
        /// </summary>
        private static IEnumerable<Expression> FoldMembers(ParameterExpression hash, Expression instance, List<MemberInfo> members,
            ParameterExpression depth, ParameterExpression memo, int inlineLevels)
        {
            foreach (var member in members)
            {
                if (member is PropertyInfo property && BackingField(property) is { } field)
                {
                    yield return Expression.Assign(hash, FoldMember(hash, Expression.Field(instance, field), depth, memo, inlineLevels));
                    continue;
                }

                var folded = FoldMember(hash, Expression.MakeMemberAccess(instance, member), depth, memo, inlineLevels);
                yield return member is FieldInfo
                    ? Expression.Assign(hash, folded)
                    : Expression.Assign(hash, Expression.TryCatch(folded,
                        Expression.Catch(typeof(Exception), Expression.Call(AddValue, hash, Expression.Constant(GetterFailedMarker)))));
            }
        }

        /// <summary>The compiler's backing field of an auto-property (records' positional properties are), if it has one.</summary>
        private static FieldInfo? BackingField(PropertyInfo property)
        {
            var field = property.DeclaringType?.GetField($"<{property.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance);
            return field is not null && field.FieldType == property.PropertyType ? field : null;
        }

        /// <summary>
        /// A nested struct or sealed class (not a sequence, a string or an actor reference) is folded
        /// in place, as its own function would (its own digest, as one value), without boxing it or
        /// looking its function up: most messages are records of small records.
        /// </summary>
        private static bool Inlinable(Type type) =>
            !type.IsPrimitive && !type.IsEnum && !type.IsInterface && !type.IsAbstract && !type.IsGenericTypeDefinition
            && (type.IsValueType || type.IsSealed)
            && type != typeof(string) && type != typeof(decimal) && type != typeof(DateTime) && type != typeof(DateTimeOffset)
            && type != typeof(Guid) && type != typeof(TimeSpan) && !typeof(Delegate).IsAssignableFrom(type)
            && !typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IActorRef).IsAssignableFrom(type) && !typeof(Type).IsAssignableFrom(type)
            && Nullable.GetUnderlyingType(type) is null
            && DataMembers(type).Count < LargeValues;

        private static Expression InlineFold(ParameterExpression hash, Expression member, ParameterExpression depth, ParameterExpression memo, int inlineLevels)
        {
            var type = member.Type;
            var sub = Expression.Variable(typeof(ulong), "sub");
            var local = Expression.Variable(type, "nested");
            var body = new List<Expression>
            {
                Expression.Assign(local, member),
                Expression.Assign(sub, Expression.Constant(StableHash.Add(StableHash.Offset, StableHash.Of(type.FullName ?? type.Name)))),
            };
            body.AddRange(FoldMembers(sub, local, DataMembers(type), depth, memo, inlineLevels - 1));
            body.Add(Expression.Call(AddValue, hash, sub));
            Expression folded = Expression.Block(typeof(ulong), [sub, local], body);
            return type.IsValueType
                ? folded
                : Expression.Condition(Expression.ReferenceEqual(member, Expression.Constant(null, type)),
                    Expression.Call(AddValue, hash, Expression.Constant(NullMarker)), folded);
        }

        /// <summary>The bits of a number, boolean, enum or time span, as a ulong; null for any other type.</summary>
        private static Expression? ValueBits(Expression member)
        {
            var type = member.Type;
            if (type.IsEnum)
            {
                type = Enum.GetUnderlyingType(type);
                member = Expression.Convert(member, type);
            }

            return type switch
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
        }

        private static Expression FoldMember(ParameterExpression hash, Expression member, ParameterExpression depth, ParameterExpression memo, int inlineLevels)
        {
            var type = member.Type;
            if (inlineLevels > 0 && Inlinable(type))
            {
                return InlineFold(hash, member, depth, memo, inlineLevels);
            }

            if (type == typeof(string))
            {
                return Expression.Call(AddText, hash, member);
            }

            return ValueBits(member) is { } bits
                ? Expression.Call(AddValue, hash, bits)
                : Expression.Call(AddAny, hash, Expression.Convert(member, typeof(object)), depth, memo);
        }
    }
}
