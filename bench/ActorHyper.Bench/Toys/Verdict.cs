namespace ActorHyper.Bench.Toys;

/// <summary>
/// What one schedule of a toy found, written by the Akka.NET actors (the Coyote actors use Coyote's
/// own <c>Assert</c>): the first violated assertion, and whether the toy ran to its end.
/// </summary>
public sealed class Verdict
{
    public string? Violation { get; private set; }

    public bool Completed { get; private set; }

    public void Assert(bool condition, string what)
    {
        if (!condition)
        {
            Violation ??= what;
        }
    }

    public void Complete() => Completed = true;

    public void Reset()
    {
        Violation = null;
        Completed = false;
    }
}
