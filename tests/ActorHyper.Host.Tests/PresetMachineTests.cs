using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Hardware;
using ActorHyper.Host.Configuration;
using ActorHyper.Host.Shell;
using Akka.Actor;

namespace ActorHyper.Host.Tests;

/// <summary>The machine presets, read through the configuration as the program reads them, start in both modes.</summary>
public sealed class PresetMachineTests
{
    [Theory]
    [InlineData("hocon/tsar-2x2.conf", ExecutionMode.Controlled)]
    [InlineData("hocon/tsar-2x2.conf", ExecutionMode.Concurrent)]
    [InlineData("hocon/tsar-4x4.conf", ExecutionMode.Controlled)]
    [InlineData("hocon/tsar-4x4.conf", ExecutionMode.Concurrent)]
    [InlineData("hocon/tsar-16x16.conf", ExecutionMode.Controlled)]
    [InlineData("hocon/tsar-16x16.conf", ExecutionMode.Concurrent)]
    public async Task A_preset_machine_starts_with_every_core_but_P0_C0_waiting(string preset, ExecutionMode mode)
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(RepoFiles.Path(preset),
            [$"actorhyper.runtime.mode = {(mode == ExecutionMode.Controlled ? "controlled" : "concurrent")}"], _ => null));
        var spec = OptionsBinder.ToMachineSpec(options.Machine);
        var system = HypervisorSession.CreateSystem(options, Serilog.Core.Logger.None);
        var machine = MachineHandle.Start(system, spec);

        var result = machine.WaitUntilStarted(TimeSpan.FromSeconds(60));

        var ready = Assert.IsType<MachineReady>(result);
        Assert.Equal(spec, ready.Directory.Spec);
        var cores = machine.CoreStatuses(TimeSpan.FromSeconds(30)).Cores;
        Assert.Equal(spec.CoreCount, cores.Count);
        Assert.Equal(spec.CoreCount - 1, cores.Count(c => c.Status.State == CoreState.Waiting));
        Assert.Equal(CoreState.RunningHypervisor, Assert.Single(cores, c => c.Status.State != CoreState.Waiting).Status.State);
        if (ControlledDriver.TryGet(system) is { } driver)
        {
            driver.Terminate();
        }

        await system.Terminate();
    }
}
