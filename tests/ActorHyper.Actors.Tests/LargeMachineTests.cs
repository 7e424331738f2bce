using System.Diagnostics;
using System.Globalization;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Hardware;
using Akka.Actor;
using Xunit.Abstractions;

namespace ActorHyper.Actors.Tests;

/// <summary>The whole 16x16 machine: 1,024 cores and every controller. Times and memory are reported, never asserted.</summary>
public sealed class LargeMachineTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task The_16x16_machine_starts_with_every_core_but_P0_C0_waiting(ExecutionMode mode)
    {
        var spec = MachineSpec.Tsar16x16;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        var system = TestMachine.CreateSystem(mode, seed: 16);
        var handle = MachineHandle.Start(system, spec);
        var ready = Assert.IsType<MachineReady>(handle.WaitUntilStarted(TestMachine.Timeout));
        var startTime = clock.Elapsed;

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        var statuses = handle.CoreStatuses(TestMachine.Timeout).Cores;
        Assert.Equal(1024, statuses.Count);
        Assert.All(statuses, report =>
            Assert.Equal(report.Core.IsMachineBootCore ? CoreState.RunningHypervisor : CoreState.Waiting, report.Status.State));
        Assert.Equal(1024, ready.Directory.Cores().Count());

        var steps = mode == ExecutionMode.Controlled ? $", {ControlledDriver.Of(system).Steps} deliveries" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"16x16 {mode}: started in {startTime.TotalMilliseconds:0} ms wall{steps}; managed heap +{(heapAfter - heapBefore) / (1024.0 * 1024):0.0} MiB " +
            $"({heapAfter / (1024.0 * 1024):0.0} MiB live), process working set {workingSet / (1024.0 * 1024):0} MiB"));
        await TestMachine.Shutdown(system);
    }
}
