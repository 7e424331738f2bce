using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Hardware.Tests;

public class CoreStatusTests
{
    [Fact]
    public void Statuses_carry_and_print_their_details()
    {
        var at = new InstanceAddress(0, 0x30_0000);
        var executing = CoreStatus.Executing(CodeIdentity.BootLoader, at);
        Assert.Equal(CoreState.Executing, executing.State);
        Assert.Equal("executing the boot loader at k0:0x00300000", executing.ToString());

        var fault = new Fault(new MachineAddress(new ClusterId(1, 0), 0x10_0000), "no code here: empty memory (expected the HAT activation code)");
        var faulted = CoreStatus.Faulted(fault);
        Assert.Equal(CoreState.Faulted, faulted.State);
        Assert.Equal(fault.Address, faulted.At);
        Assert.Equal("faulted: fault at (1,0):0x00100000: no code here: empty memory (expected the HAT activation code)", faulted.ToString());

        Assert.Equal("waiting", CoreStatus.Waiting.ToString());
        Assert.Equal(CoreState.Parked, CoreStatus.Parked.State);
    }

    [Fact]
    public void Outcomes_are_success_by_default_and_refusals_carry_their_reason()
    {
        Assert.True(default(Outcome).IsSuccess);
        var refused = Outcome.Refused("no");
        Assert.False(refused.IsSuccess);
        Assert.Equal("no", refused.ToString());
    }

    [Fact]
    public void Value_lists_compare_by_contents()
    {
        Assert.Equal(ValueList.Of(1, 2, 3), new[] { 1, 2, 3 }.ToValueList());
        Assert.NotEqual(ValueList.Of(1, 2, 3), ValueList.Of(1, 3, 2));
        Assert.Equal(ValueList.Of(1, 2).GetHashCode(), ValueList.Of(1, 2).GetHashCode());
        Assert.Equal("[1, 2]", ValueList.Of(1, 2).ToString());
    }
}
