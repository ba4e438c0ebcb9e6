using System.Reflection;
using System.Reflection.Emit;

namespace MeshActors.Tests.Architecture;

/// <summary>
/// Lists the members each method of a type calls, read from its IL: exact where a text search
/// is fooled by comments, aliases or <c>using static</c>. Lambdas and iterators compile into
/// nested types, which are scanned and reported under their outer type.
/// </summary>
internal static class IlCallScanner
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public sealed record Call(string Caller, string Callee);

    public static IEnumerable<Call> CallsIn(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
        foreach (var method in methods)
        {
            var body = method.GetMethodBody()?.GetILAsByteArray();
            if (body is null)
            {
                continue;
            }

            foreach (var callee in Callees(method, body))
            {
                yield return new Call($"{OuterName(type)}.{method.Name}", callee);
            }
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            foreach (var call in CallsIn(nested))
            {
                yield return call;
            }
        }
    }

    private static IEnumerable<string> Callees(MethodBase method, byte[] il)
    {
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            if (!OpCodesByValue.TryGetValue(value, out var op))
            {
                yield break;
            }

            i += op.Size;
            if (op.OperandType is OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, i);
                string? name = null;
                try
                {
                    var member = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
                    name = member is null ? null : $"{member.DeclaringType?.FullName}.{member.Name}({member.GetParameters().Length})";
                }
                catch (ArgumentException)
                {
                }

                if (name is not null)
                {
                    yield return name;
                }
            }

            i += OperandSize(op, il, i);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static string OuterName(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.FullName!;
    }
}
