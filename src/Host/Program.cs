namespace ActorHyper.Host;

public static class Program
{
    public static int Main(string[] args) => CommandLineApp.Run(args, HostConsole.System());
}
