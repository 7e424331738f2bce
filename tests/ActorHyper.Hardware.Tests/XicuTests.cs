using ActorHyper.Hardware.Interrupts;

namespace ActorHyper.Hardware.Tests;

public class XicuTests
{
    [Fact]
    public void A_write_sets_pending_and_a_read_returns_the_value_and_clears_it()
    {
        var xicu = new XicuState(8, 4);
        var write = xicu.Write(2, 0xCAFE);
        Assert.False(write.Overwrote);
        Assert.True(xicu.IsPending(2));
        Assert.Equal(new XicuReadResult(2, 0xCAFE, true), xicu.Read(2));
        Assert.False(xicu.IsPending(2));
        Assert.Equal(new XicuReadResult(2, 0xCAFE, false), xicu.Read(2));
    }

    [Fact]
    public void Two_writes_before_a_read_are_reported_and_recorded_as_an_overwrite()
    {
        var xicu = new XicuState(8, 4);
        xicu.Write(3, 0x1111);
        var second = xicu.Write(3, 0x2222);
        Assert.Equal(new XicuWriteResult(3, 0x2222, Overwrote: true, OldValue: 0x1111), second);
        Assert.Equal(new XicuOverwrite(3, 0x1111, 0x2222), Assert.Single(xicu.Overwrites));
        Assert.Equal(0x2222u, xicu.Read(3).Value);
    }

    [Fact]
    public void A_write_after_the_read_is_not_an_overwrite()
    {
        var xicu = new XicuState(8, 4);
        xicu.Write(3, 1);
        xicu.Read(3);
        Assert.False(xicu.Write(3, 2).Overwrote);
        Assert.Empty(xicu.Overwrites);
    }

    [Fact]
    public void A_masked_out_slot_does_not_raise_the_line()
    {
        var xicu = new XicuState(8, 4);
        xicu.Enable(1, 5);
        xicu.Write(4, 7);
        Assert.False(xicu.Output(1));
        Assert.Null(xicu.LowestPendingSlot(1));
        xicu.Write(5, 7);
        Assert.True(xicu.Output(1));
        Assert.False(xicu.Output(0));
    }

    [Fact]
    public void A_slot_pending_before_it_is_enabled_raises_the_line_when_enabled()
    {
        var xicu = new XicuState(8, 4);
        xicu.Write(0, 42);
        Assert.False(xicu.Output(0));
        xicu.Enable(0, 0);
        Assert.True(xicu.Output(0));
        xicu.Disable(0, 0);
        Assert.False(xicu.Output(0));
    }

    [Fact]
    public void The_lowest_pending_enabled_slot_is_served_first_and_reading_drops_the_line()
    {
        var xicu = new XicuState(16, 2);
        foreach (var slot in new[] { 9, 3, 12 })
        {
            xicu.Enable(0, slot);
        }
        xicu.Write(12, 1);
        xicu.Write(9, 2);
        xicu.Write(1, 3);
        Assert.Equal(9, xicu.LowestPendingSlot(0));
        xicu.Read(9);
        Assert.Equal(12, xicu.LowestPendingSlot(0));
        xicu.Read(12);
        Assert.False(xicu.Output(0));
        Assert.Equal([1], xicu.PendingSlots());
        Assert.Equal([3, 9, 12], xicu.EnabledSlots(0));
    }

    [Fact]
    public void Reset_clears_values_pending_and_masks_but_keeps_the_overwrite_history()
    {
        var xicu = new XicuState(8, 4);
        xicu.Enable(0, 0);
        xicu.Write(0, 1);
        xicu.Write(0, 2);
        xicu.Reset();
        Assert.False(xicu.IsPending(0));
        Assert.Equal(0u, xicu.Peek(0));
        Assert.False(xicu.IsEnabled(0, 0));
        Assert.Single(xicu.Overwrites);
        Assert.Single(xicu.DrainOverwrites());
        Assert.Empty(xicu.Overwrites);
    }

    [Fact]
    public void Bad_slots_and_lines_are_refused_with_the_range()
    {
        var xicu = new XicuState(8, 4);
        Assert.Equal("XICU slot must be between 0 and 7, got 8", Assert.Throws<ArgumentException>(() => xicu.Write(8, 0)).Message);
        Assert.Equal("XICU output line must be between 0 and 3, got 4", Assert.Throws<ArgumentException>(() => xicu.Output(4)).Message);
    }

    [Fact]
    public void The_layout_gives_each_purpose_its_own_slot_within_every_preset()
    {
        foreach (var spec in new[] { MachineSpec.Tsar2x2, MachineSpec.Tsar4x4, MachineSpec.Tsar16x16 })
        {
            var layout = XicuLayout.For(spec);
            var slots = Enumerable.Range(0, spec.CoresPerCluster).Select(layout.IpiSlot)
                .Append(layout.IocSlot)
                .Concat(Enumerable.Range(0, 4).Select(layout.TtySlot))
                .Append(layout.DmaSlot)
                .Concat(Enumerable.Range(0, spec.IocChannels).Select(layout.RunningSlot))
                .ToList();
            Assert.Equal(slots.Count, slots.Distinct().Count());
            Assert.True(slots.Max() < spec.WtiSlots);
            Assert.Equal(layout.RequiredSlotCount, slots.Count);
        }
    }

    [Fact]
    public void The_layout_names_its_slots()
    {
        var layout = XicuLayout.For(MachineSpec.Tsar4x4);
        Assert.Equal(2, layout.IpiSlot(2));
        Assert.Equal(4, layout.IocSlot);
        Assert.Equal(6, layout.TtySlot(1));
        Assert.Equal(9, layout.DmaSlot);
        Assert.Equal(13, layout.RunningSlot(3));
        Assert.Equal(
            new[] { "IPI of core 2", "IOC completion", "TTY sub-channel 1", "DMA completion", "Running of instance 3", "slot 30 (unassigned)" },
            new[] { 2, 4, 6, 9, 13, 30 }.Select(layout.Describe));
    }

    [Fact]
    public void EnableIpis_puts_core_p_IPI_slot_on_line_p_only()
    {
        var layout = XicuLayout.For(MachineSpec.Tsar4x4);
        var xicu = XicuState.For(MachineSpec.Tsar4x4);
        layout.EnableIpis(xicu);
        xicu.Write(layout.IpiSlot(2), 0x300000);
        Assert.Equal([false, false, true, false], Enumerable.Range(0, 4).Select(xicu.Output));
    }
}
