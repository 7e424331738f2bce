using System.Reflection;
using System.Reflection.Emit;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>
/// The members and types a type's code refers to: every method, constructor and accessor body of the
/// type and of the types nested in it (where the compiler puts lambdas, closures and state machines),
/// read from their IL. What a type's signatures show is only half of what it can reach; this is the other.
/// </summary>
internal static class IlReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>Every member (a <see cref="Type"/> for type tokens) the code of <paramref name="type"/> refers to.</summary>
    public static IEnumerable<MemberInfo> Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            foreach (var member in InBody(method))
            {
                yield return member;
            }
        }
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            foreach (var member in Of(nested))
            {
                yield return member;
            }
        }
    }

    private static IEnumerable<MemberInfo> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!;
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    /// <summary>The types <paramref name="member"/> names: itself or its declaring type, its field, return and parameter types, and their type arguments.</summary>
    public static IEnumerable<Type> TypesNamedBy(MemberInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        IEnumerable<Type?> direct = member switch
        {
            Type type => [type],
            FieldInfo field => [field.DeclaringType, field.FieldType],
            MethodInfo method => [method.DeclaringType, method.ReturnType, .. method.GetParameters().Select(parameter => parameter.ParameterType)],
            ConstructorInfo constructor => [constructor.DeclaringType, .. constructor.GetParameters().Select(parameter => parameter.ParameterType)],
            _ => [member.DeclaringType],
        };
        return direct.OfType<Type>().SelectMany(Unfold).Distinct();
    }

    private static IEnumerable<Type> Unfold(Type type)
    {
        yield return type;
        var inner = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var argument in inner.SelectMany(Unfold))
        {
            yield return argument;
        }
    }
}
