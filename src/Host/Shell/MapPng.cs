using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Display;
using ActorHyper.Hardware.Resources;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ActorHyper.Host.Shell;

/// <summary>
/// The cluster map as a PNG: a square per cluster, y up and x right as on the screen, in its
/// instance's colour (the one its frame buffer is painted in), the hypervisor's grey, free ones
/// dark; the I/O cluster has a white frame.
/// </summary>
public static class MapPng
{
    public const int Cell = 40;

    private const int Gap = 4;

    public static Rgb Hypervisor { get; } = new(0x5F, 0x5F, 0x5F);

    public static Rgb Free { get; } = new(0x26, 0x26, 0x26);

    private static readonly Rgb Background = new(0x10, 0x10, 0x10);

    private static readonly Rgb IoFrame = new(0xFF, 0xFF, 0xFF);

    /// <summary>The colour of a cluster's square.</summary>
    public static Rgb ColorOf(ClusterOwner owner) => owner.Kind switch
    {
        OwnerKind.Hypervisor => Hypervisor,
        OwnerKind.Free => Free,
        _ => InstanceColors.Of(owner.InstanceId),
    };

    /// <summary>The top-left pixel of cluster (x, y)'s square.</summary>
    public static (int Left, int Top) Origin(ClusterMap map, ClusterId cluster)
    {
        ArgumentNullException.ThrowIfNull(map);
        return (Gap + (cluster.X * (Cell + Gap)), Gap + ((map.MeshY - 1 - cluster.Y) * (Cell + Gap)));
    }

    public static bool TryWrite(ClusterMap map, string path, out string problem)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(path);
        using var image = new Image<Rgb24>(Gap + (map.MeshX * (Cell + Gap)), Gap + (map.MeshY * (Cell + Gap)));
        Fill(image, 0, 0, image.Width, image.Height, Background);
        foreach (var cluster in map.Clusters)
        {
            var (left, top) = Origin(map, cluster.Cluster);
            if (map.IoCluster == cluster.Cluster)
            {
                Fill(image, left, top, Cell, Cell, IoFrame);
                Fill(image, left + 3, top + 3, Cell - 6, Cell - 6, ColorOf(cluster.Owner));
            }
            else
            {
                Fill(image, left, top, Cell, Cell, ColorOf(cluster.Owner));
            }
        }

        return PngFile.TrySave(image, path, out problem);
    }

    private static void Fill(Image<Rgb24> image, int left, int top, int width, int height, Rgb color)
    {
        var pixel = new Rgb24(color.R, color.G, color.B);
        for (var y = top; y < top + height; y++)
        {
            for (var x = left; x < left + width; x++)
            {
                image[x, y] = pixel;
            }
        }
    }
}
