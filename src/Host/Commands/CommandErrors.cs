using ActorHyper.Hocon;
using ActorHyper.Host.Configuration;
using ActorHyper.Host.Shell;

namespace ActorHyper.Host.Commands;

/// <summary>Turns a command's expected failures into a one-line message and an exit code, never a stack trace.</summary>
public static class CommandErrors
{
    /// <summary>Exit code of a configuration problem.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Exit code of a run that went wrong: a command refused, an instance failed, the machine not started.</summary>
    public const int RunFailed = 1;

    public static int Guard(TextWriter error, Func<int> command)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return command();
        }
        catch (HoconException e)
        {
            error.WriteLine($"actorhyper: {e.Message}");
            return ConfigurationError;
        }
        catch (ConfigurationException e)
        {
            foreach (var line in e.Message.Split(Environment.NewLine))
            {
                error.WriteLine($"actorhyper: {line}");
            }

            return ConfigurationError;
        }
        catch (SessionFailedException e)
        {
            error.WriteLine($"actorhyper: {e.Message}");
            return RunFailed;
        }
#pragma warning disable CA1031 // The last resort: whatever went wrong, the user gets one line, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"actorhyper: internal error: {e.GetType().Name}: {FirstLine(e.Message)}");
            return RunFailed;
        }
    }

    private static string FirstLine(string message) =>
        message.Split('\n', 2)[0].TrimEnd('\r');
}
