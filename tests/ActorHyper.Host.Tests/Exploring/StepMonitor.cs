using ActorHyper.Exploration.Monitors;
using ActorHyper.Host.Exploring;

namespace ActorHyper.Host.Tests.Exploring;

/// <summary>A deliberately failing monitor: fails every run at its delivery number <see cref="FailAt"/>, naming what was delivered.</summary>
internal sealed class StepMonitor : RunMonitor
{
    public const long FailAt = 300;

    public override string Name => "planted-step";

    public override void OnDelivery(Delivery delivery)
    {
        if (delivery.Step == FailAt)
        {
            Fail($"delivery {FailAt} reached: {delivery.Receiver} <- {delivery.Sender}");
        }
    }

    public static ExplorationHooks Hooks { get; } = new(() => [new StepMonitor()]);

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CommandLineApp.Run(args, output, error, Hooks);
        return (code, output.ToString(), error.ToString());
    }
}
