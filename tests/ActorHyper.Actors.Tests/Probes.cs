using System.Globalization;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using Akka.Actor;
using Akka.TestKit;
using Xunit.Sdk;

namespace ActorHyper.Actors.Tests;

/// <summary>
/// Expectations on an Akka.NET <see cref="TestProbe"/> that work in both modes. Controlled: the
/// system's driver runs until the probe holds a message, the timeout (virtual time) is up, or nothing
/// can happen any more; it never sleeps, so it cannot be flaky. Concurrent: Akka's own expectations,
/// with the timeout in real time (a wait on the probe's queue, never a sleep).
/// </summary>
internal static class Probes
{
    /// <summary>A probe in <paramref name="system"/>; its actor runs on the calling thread, outside any controlled dispatch.</summary>
    public static TestProbe Create(ActorSystem system) => new(system, new Akka.TestKit.Xunit2.XunitAssertions());

    /// <summary>The next message must be a <typeparamref name="T"/>.</summary>
    public static T Expect<T>(this TestProbe probe, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var limit = timeout ?? TestMachine.Timeout;
        return Arrived(probe, limit, $"Expect<{typeof(T).Name}>") ? probe.ExpectMsg<T>(Immediately(probe, limit)) : default!;
    }

    /// <summary>The next message must be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    public static T Expect<T>(this TestProbe probe, Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(predicate);
        var limit = timeout ?? TestMachine.Timeout;
        return Arrived(probe, limit, $"Expect<{typeof(T).Name}>") ? probe.ExpectMsg<T>(message => predicate(message), Immediately(probe, limit)) : default!;
    }

    /// <summary>Skips messages until a <typeparamref name="T"/> satisfies <paramref name="isTheOne"/>, and returns it.</summary>
    public static T FishFor<T>(this TestProbe probe, Func<T, bool> isTheOne, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(isTheOne);
        var limit = timeout ?? TestMachine.Timeout;
        if (ControlledDriver.TryGet(probe.Sys) is not { } driver)
        {
            return (T)probe.FishForMessage(message => message is T typed && isTheOne(typed), limit);
        }
        var deadline = Deadline(driver.Now, limit);
        var skipped = new List<string>();
        while (true)
        {
            var outcome = driver.RunUntil(() => probe.HasMessages, deadline);
            if (!probe.HasMessages)
            {
                var seen = skipped.Count == 0 ? "nothing else" : string.Join(", ", skipped);
                throw new XunitException($"FishFor<{typeof(T).Name}>: no matching message ({Why(driver, outcome, deadline)}); skipped {seen}");
            }
            var message = probe.ReceiveOne(TimeSpan.Zero);
            if (message is T typed && isTheOne(typed))
            {
                return typed;
            }
            skipped.Add($"{message?.GetType().Name} {message}");
        }
    }

    /// <summary>No message may arrive during <paramref name="duration"/> (virtual time when controlled).</summary>
    public static void ExpectNone(this TestProbe probe, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (ControlledDriver.TryGet(probe.Sys) is { } driver)
        {
            driver.RunUntil(() => probe.HasMessages, Deadline(driver.Now, duration));
            probe.ExpectNoMsg(TimeSpan.Zero);
            return;
        }
        probe.ExpectNoMsg(duration);
    }

    /// <summary>Every message the probe holds now, in order, without running anything or waiting.</summary>
    public static IReadOnlyList<object> TakeAvailable(this TestProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var taken = new List<object>();
        while (probe.HasMessages)
        {
            taken.Add(probe.ReceiveOne(TimeSpan.Zero)!);
        }
        return taken;
    }

    /// <summary>The next message must be the <see cref="Terminated"/> of <paramref name="target"/> (the probe watches it).</summary>
    public static Terminated ExpectTerminatedOf(this TestProbe probe, IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var limit = timeout ?? TestMachine.Timeout;
        return Arrived(probe, limit, $"ExpectTerminated({target.Path})") ? probe.ExpectTerminated(target, Immediately(probe, limit)) : default!;
    }

    /// <summary>Controlled: drives until the probe holds a message, failing if none came. Concurrent: nothing to do.</summary>
    private static bool Arrived(TestProbe probe, TimeSpan timeout, string what)
    {
        if (ControlledDriver.TryGet(probe.Sys) is not { } driver)
        {
            return true;
        }
        var deadline = Deadline(driver.Now, timeout);
        var outcome = driver.RunUntil(() => probe.HasMessages, deadline);
        return probe.HasMessages ? true : throw new XunitException($"{what}: no message ({Why(driver, outcome, deadline)})");
    }

    /// <summary>The wait left to Akka's expectation: none when controlled (the message is there), the timeout when concurrent.</summary>
    private static TimeSpan Immediately(TestProbe probe, TimeSpan timeout) => ControlledDriver.IsControlled(probe.Sys) ? TimeSpan.Zero : timeout;

    private static TimeSpan Deadline(TimeSpan now, TimeSpan timeout) =>
        timeout >= TimeSpan.MaxValue - now ? TimeSpan.MaxValue : now + timeout;

    private static string Why(ControlledDriver driver, RunOutcome outcome, TimeSpan deadline) => outcome switch
    {
        RunOutcome.Quiescent => "the system is quiescent: nothing is left to run",
        RunOutcome.DeadlineReached => string.Create(CultureInfo.InvariantCulture, $"timed out at {deadline.TotalMilliseconds:0.###} ms of virtual time"),
        RunOutcome.StepLimitReached => $"the step limit was reached after {driver.Steps} steps",
        RunOutcome.Failed => $"the run failed: {driver.Failure}",
        _ => outcome.ToString(),
    };
}
