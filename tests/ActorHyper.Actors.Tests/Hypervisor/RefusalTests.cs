using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>Bad input gets one line and changes nothing: a refused <c>run</c> allocates nothing.</summary>
public sealed class RefusalTests
{
    [Theory]
    [InlineData("frobnicate", "unknown command 'frobnicate' (commands: run, ps, list, kill, destroy, map, tty, console, wait, info, timeline, fb, help, exit)")]
    [InlineData("run -nc 2 -i", "run: -i has no value")]
    [InlineData("run -nc 2 -i 6 --force yes", "run: unknown option '--force' (options: -nc -i)")]
    [InlineData("run -i 6", "run: missing -nc")]
    [InlineData("run -nc x -i 6", "run: -nc needs a number, got 'x'")]
    [InlineData("run -nc 0 -i 6", "cluster count must be at least 1, got 0")]
    [InlineData("run -nc 15 -i 6", "cannot allocate 15 clusters: only 13 are free")]
    [InlineData("run -nc 1 -i 16", "instance 16 has no IOC channel: instances are numbered 0..15")]
    [InlineData("run -nc 1 -i -1", "instance -1 has no IOC channel: instances are numbered 0..15")]
    [InlineData("run -nc 1 -i 1", "instance 1 is already in use (IOC channel 1 is taken)")]
    [InlineData("kill -i 9", "no instance 9 (instances: 1)")]
    [InlineData("tty -i 9", "no instance 9 (instances: 1)")]
    [InlineData("wait -i 9", "no instance 9 (instances: 1)")]
    public async Task A_refusal_is_one_line_and_allocates_nothing(string command, string error)
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        hv.Ok<InstanceLaunched>("run -nc 2 -i 1");
        var owners = hv.Owners();
        var table = hv.Ok<InstanceTable>("ps").Instances;

        var reply = hv.Type(command);

        Assert.Equal(ShellReply.Refused(command, error), reply);
        Assert.Equal(owners, hv.Owners());
        Assert.Equal(table, hv.Ok<InstanceTable>("ps").Instances);
    }

    [Fact]
    public async Task With_no_terminal_left_a_run_is_refused_and_allocates_nothing()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, MachineSpec.Tsar4x4 with { TtyChannels = 1, FbChannels = 1 });
        hv.Ok<InstanceLaunched>("run -nc 1 -i 0");
        var owners = hv.Owners();

        Assert.Equal("no TTY channel is free together with the FB channel of the same index", hv.Refused("run -nc 1 -i 1"));
        Assert.Equal(owners, hv.Owners());
        hv.Ok<InstanceStopped>("kill -i 0");
        Assert.Equal("no instance 3: none is running", hv.Refused("kill -i 3"));
    }
}
