using SixLabors.ImageSharp;

namespace ActorHyper.Host.Shell;

/// <summary>Writes a picture the shell drew as a PNG file; a path that cannot be written is a problem to tell, not an exception.</summary>
internal static class PngFile
{
    public static bool TrySave(Image image, string path, out string problem)
    {
        problem = string.Empty;
        try
        {
            image.SaveAsPng(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = e is DirectoryNotFoundException ? "its directory does not exist" : e.Message;
            return false;
        }
    }
}
