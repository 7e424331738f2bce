namespace ActorHyper.Host.Tests;

/// <summary>Finds files of the repository (hocon/, README) from a test's output directory.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ActorHyper.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ActorHyper.sln not found above " + AppContext.BaseDirectory);
    }
}
