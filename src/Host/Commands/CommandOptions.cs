using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using ActorHyper.Host.Exploring;

namespace ActorHyper.Host.Commands;

/// <summary>Options and parsers more than one command takes, written once so that they say the same.</summary>
internal static class CommandOptions
{
    /// <summary><c>--variant NAME</c>: a protocol variant, checked against the known ones.</summary>
    public static Option<string> Variant()
    {
        var variant = new Option<string>("--variant")
        {
            Description = $"The protocol variant (actorhyper.variant): {string.Join(", ", Variants.Names)}",
            HelpName = "NAME",
            DefaultValueFactory = _ => Variants.None,
        };
        variant.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } name && !Variants.IsKnown(name))
            {
                result.AddError($"--variant: unknown variant '{name}'; the variants are: {string.Join(", ", Variants.Names)}.");
            }
        });
        return variant;
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>, or null with the option's error added.</summary>
    public static T? Whole<T>(ArgumentResult result, string name, int minimum)
        where T : struct, IBinaryInteger<T>
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = string.Join(" ", result.Tokens.Select(static t => t.Value));
        if (T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= T.CreateChecked(minimum))
        {
            return value;
        }

        result.AddError($"{name} must be a whole number of at least {minimum}, got '{text}'.");
        return null;
    }
}
