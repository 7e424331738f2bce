namespace ActorHyper.Exploration.Monitors;

/// <summary>
/// A monitor written as a lambda over deliveries: <paramref name="perRun"/> is called at the start of
/// every run and returns the check for that run's deliveries (its closure is the run's state); the
/// check returns null while all is well, or the reason that fails the run.
/// </summary>
/// <example>
/// <code>
/// new DeliveryMonitor("one-reply-per-request", () =>
/// {
///     var answered = new HashSet&lt;int&gt;();
///     return d => d.Message is Reply r &amp;&amp; !answered.Add(r.Id) ? $"request {r.Id} answered twice" : null;
/// });
/// </code>
/// </example>
public sealed class DeliveryMonitor(string name, Func<Func<Delivery, string?>> perRun) : RunMonitor
{
    private readonly Func<Func<Delivery, string?>> _perRun = perRun ?? throw new ArgumentNullException(nameof(perRun));
    private Func<Delivery, string?>? _check;

    public override string Name { get; } = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("a monitor needs a name", nameof(name)) : name;

    public override void OnRunStart() => _check = _perRun();

    public override void OnDelivery(Delivery delivery)
    {
        _check ??= _perRun();
        if (_check(delivery) is { } reason)
        {
            Fail(reason);
        }
    }
}
