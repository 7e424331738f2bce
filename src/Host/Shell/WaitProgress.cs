using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Display;
using Spectre.Console;

namespace ActorHyper.Host.Shell;

/// <summary>
/// <c>wait</c> on a terminal: a progress bar per instance while it boots. On real threads the bars
/// follow the boot (the instance's state, then how much of its frame buffer's progress bar the guest
/// has painted); a controlled run is not interleaved with extra commands, so its run stays the same
/// as without a terminal, and its bars show where the wait ended.
/// </summary>
public static class WaitProgress
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Percent for a state before the guest paints: the launch steps are the first fifth.</summary>
    private const double LaunchShare = 20;

    public static ShellReply Run(HypervisorSession session, string command, ConsoleView view)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(view);
        ShellReply? reply = null;
        view.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<int, ProgressTask>();
                if (session.Driver is null)
                {
                    var pending = session.ExecuteAsync(command);
                    while (!pending.Wait(Poll))
                    {
                        if (session.Execute("ps").Answer is InstanceTable now)
                        {
                            Update(session, context, tasks, now, withFrames: true);
                        }
                    }

                    reply = pending.GetAwaiter().GetResult();
                }
                else
                {
                    reply = session.Execute(command);
                }

                Update(session, context, tasks, reply.Answer as InstanceTable, withFrames: false);
            });
        // A wait that timed out or was refused still says so, under its bars.
        if (reply is { Succeeded: false })
        {
            view.Result(reply);
        }

        return reply ?? ShellReply.Refused(command, "no answer");
    }

    private static void Update(HypervisorSession session, ProgressContext context, Dictionary<int, ProgressTask> tasks, InstanceTable? table, bool withFrames)
    {
        foreach (var instance in table?.Instances ?? ValueList.Of<InstanceInfo>())
        {
            if (!tasks.TryGetValue(instance.Id, out var task))
            {
                task = context.AddTask(Describe(instance), maxValue: 100);
                tasks[instance.Id] = task;
            }

            task.Description = Describe(instance);
            task.Value = instance.State switch
            {
                InstanceState.Running or InstanceState.Failed or InstanceState.Stopping or InstanceState.Stopped => 100,
                InstanceState.Booting when withFrames && session.Execute($"fb -i {Id(instance)}").Answer is FrameShown frame =>
                    LaunchShare + ((100 - LaunchShare) * Painted(frame)),
                _ => LaunchShare * (int)instance.State / (int)InstanceState.Booting,
            };
        }
    }

    private static string Describe(InstanceInfo instance) =>
        $"instance {Id(instance)} {ReplyPictures.State(instance.State)}";

    /// <summary>How much of the guest's progress bar is painted in a colour: the fraction of its middle row.</summary>
    public static double Painted(FrameShown frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Fills.Count == 0)
        {
            return 0;
        }

        var pixels = FrameGeometry.Raster(frame.Fills);
        var bar = FrameGeometry.EmptyBar;
        var row = (bar.Y + (bar.Height / 2)) * frame.Width;
        var painted = Enumerable.Range(bar.X, bar.Width).Count(x => pixels[row + x] != FrameGeometry.BarBackground && pixels[row + x] != FrameGeometry.Blank);
        return painted / (double)bar.Width;
    }

    private static string Id(InstanceInfo instance) => instance.Id.ToString(CultureInfo.InvariantCulture);
}
