using ActorHyper.Host.Configuration;
using ActorHyper.Runtime.Hocon;

namespace ActorHyper.Host.Commands;

/// <summary>Turns a command's expected failures into a one-line message and an exit code, never a stack trace.</summary>
public static class CommandErrors
{
    /// <summary>Exit code of a configuration problem.</summary>
    public const int ConfigurationError = 2;

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
    }
}
