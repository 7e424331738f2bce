using ActorHyper.Actors.Machine;
using ActorHyper.Host.Commands;
using ActorHyper.Host.Configuration;

namespace ActorHyper.Host.Tests;

/// <summary><c>actorhyper.variant</c>: none by default, bound into the hypervisor's options, an unknown name refused with the valid ones.</summary>
public sealed class VariantSettingTests
{
    private static ActorHyperOptions Bind(params string[] sets) => OptionsBinder.Bind(ConfigurationLoader.Load(null, sets, _ => null));

    [Fact]
    public void The_variant_is_none_by_default_and_a_named_one_reaches_the_hypervisor_options()
    {
        Assert.Equal(ProtocolVariant.None, OptionsBinder.ToHypervisorOptions(Bind()).Variant);
        Assert.Equal(ProtocolVariant.RacyAllocation, OptionsBinder.ToHypervisorOptions(Bind("actorhyper.variant = racy-allocation")).Variant);
        Assert.Equal(ProtocolVariant.EarlyNonbootCpus, OptionsBinder.ToHypervisorOptions(Bind("actorhyper.variant = early-nonboot-cpus")).Variant);
    }

    [Fact]
    public void An_unknown_variant_is_a_configuration_error_naming_the_valid_ones_and_exits_2()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind("actorhyper.variant = sloppy")).Message;
        Assert.Contains("variant must be one of none, ipi-before-hat-config, hat-code-wrong-offset, unlatched-wakeup, racy-allocation, " +
                        "late-interrupt-routing, early-nonboot-cpus, got \"sloppy\"", error, StringComparison.Ordinal);

        var (code, _, stderr) = HostRunner.Run("exec", "--set", "actorhyper.variant=sloppy", "ps");
        Assert.Equal(CommandErrors.ConfigurationError, code);
        Assert.Equal(2, code);
        Assert.Contains("variant must be one of", stderr, StringComparison.Ordinal);
    }
}
