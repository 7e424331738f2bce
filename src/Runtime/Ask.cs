using System.Globalization;

namespace ActorHyper.Runtime;

/// <summary>Request-reply from outside the actors (hosts, tests). Actors themselves reply by Tell.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Tells <paramref name="message"/> to <paramref name="target"/> with a one-shot reply address and
    /// completes with the first reply of type <typeparamref name="T"/>. A <see cref="StatusFailure"/>
    /// reply fails the task with its cause; no reply within <paramref name="timeout"/> (system time:
    /// virtual when controlled) fails it with <see cref="AskTimeoutException"/>.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "an Ask needs a positive timeout");
        }

        if (target is not LocalActorRef local)
        {
            throw new NotSupportedException($"Ask needs an actor of this process, not {target.Path}");
        }

        var system = local.Cell.System;
        var promise = new PromiseActorRef<T>(system, system.NextTempPath(), target, message);
        promise.Timeout = system.ScheduleCallback(timeout, () => promise.Expire(timeout));
        target.Tell(message, promise);
        return promise.Task;
    }

    private sealed class PromiseActorRef<T>(ActorSystem system, ActorPath path, IActorRef target, object question) : IActorRef
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ActorPath Path { get; } = path;

        public ICancelable? Timeout { get; set; }

        public Task<T> Task => _completion.Task;

        public void Tell(object message, IActorRef? sender = null)
        {
            ArgumentNullException.ThrowIfNull(message);
            var settled = message switch
            {
                T reply => _completion.TrySetResult(reply),
                StatusFailure failure => _completion.TrySetException(failure.Cause),
                _ => _completion.TrySetException(new InvalidCastException(
                    $"Ask of {target.Path} with {question.GetType().Name} expected a {typeof(T).Name} reply but got {message.GetType().Name}")),
            };
            if (settled)
            {
                Timeout?.Cancel();
            }
            else
            {
                system.PublishDeadLetter(message, sender, this);
            }
        }

        public void Expire(TimeSpan timeout) =>
            _completion.TrySetException(new AskTimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"Ask timed out after {timeout.TotalSeconds:0.###} s: {target.Path} did not reply to {question.GetType().Name}")));

        public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => Path.GetHashCode();
    }
}
