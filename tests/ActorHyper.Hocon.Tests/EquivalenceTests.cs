namespace ActorHyper.Hocon.Tests;

/// <summary>Differently written documents that the spec says mean the same thing must render to the same JSON.</summary>
public sealed class EquivalenceTests : IDisposable
{
    private const string Expected = """
        {
          "actorhyper": {
            "machine": {
              "mesh": {
                "x": 4,
                "y": 4
              },
              "cores-per-cluster": 16,
              "name": "mesh-4x4",
              "features": [
                "simd",
                "fpu"
              ]
            },
            "timing": {
              "tick": "10ms",
              "timeout": "2 minutes"
            },
            "log": {
              "level": "info",
              "file": null
            }
          }
        }
        """;

    private static readonly Dictionary<string, string> Documents = new()
    {
        ["braces, equals and newlines"] = """
            actorhyper {
              machine {
                mesh {
                  x = 4
                  y = 4
                }
                cores-per-cluster = 16
                name = "mesh-4x4"
                features = [
                  simd
                  fpu
                ]
              }
              timing {
                tick = 10ms
                timeout = 2 minutes
              }
              log {
                level = info
                file = null
              }
            }
            """,
        ["plain json"] = """
            {"actorhyper": {"machine": {"mesh": {"x": 4, "y": 4}, "cores-per-cluster": 16, "name": "mesh-4x4",
            "features": ["simd", "fpu"]}, "timing": {"tick": "10ms", "timeout": "2 minutes"},
            "log": {"level": "info", "file": null}}}
            """,
        ["path keys, colons and commas"] = """
            actorhyper.machine.mesh.x : 4, actorhyper.machine.mesh.y : 4,
            actorhyper.machine.cores-per-cluster : 16,
            actorhyper.machine.name : mesh-4x4,
            actorhyper.machine.features : [simd, fpu,],
            actorhyper.timing.tick : 10ms, actorhyper.timing.timeout : "2 minutes",
            actorhyper.log.level : info, actorhyper.log.file : null,
            """,
        ["no separators and merged duplicates"] = """
            actorhyper { machine { mesh { x = 1 } } }
            actorhyper { machine { mesh { x = 4, y = 4 } } }
            actorhyper.machine { cores-per-cluster = 8, name = placeholder }
            actorhyper.machine.cores-per-cluster = 16
            actorhyper.machine { name = "mesh-4x4", features = [simd] }
            actorhyper.machine.features += fpu
            actorhyper { timing { tick = 10ms }, log { level = debug } }
            actorhyper.timing { timeout = 2 minutes }
            actorhyper.log { level = info, file = /var/log/x }
            actorhyper.log.file = null
            """,
        ["substitutions"] = """
            actorhyper {
              machine {
                mesh { x = 4, y = ${actorhyper.machine.mesh.x} }
                cores-per-cluster = ${actorhyper.machine.mesh.x}${actorhyper.machine.mesh.y}
                cores-per-cluster = 16
                name = "mesh-"${actorhyper.machine.mesh.x}x${actorhyper.machine.mesh.y}
                features = [simd]
                features = ${actorhyper.machine.features} [fpu]
              }
              timing { tick = ${?NOT_SET}10ms, timeout = 2 ${UNIT} }
              log { level = ${LEVEL}, file = null }
            }
            """,
        ["concatenations, comments and triple quotes"] = """"
            # the machine
            actorhyper.machine {
              mesh = { x = 4 } { y = 4 }  // object concatenation
              cores-per-cluster: 16
              name: """mesh-4x4"""
              features: [simd] [fpu]
            }
            actorhyper.timing { tick = 10"ms", timeout = 2 "minutes" }
            actorhyper.log { level: "info", file: null }
            """",
    };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> DocumentNames() => new(Documents.Keys);

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Document_renders_the_canonical_json(string name)
    {
        var environment = new Dictionary<string, string> { ["LEVEL"] = "info", ["UNIT"] = "minutes" };

        var config = HoconLoader.LoadText(Documents[name], name, Conf.Lookup(environment));

        Assert.Equal(Expected, config.ToJson());
    }

    [Fact]
    public void Included_files_render_the_canonical_json()
    {
        // Substitutions in machine.conf are relative to where it is included.
        _dir.Write("machine.conf", """
            mesh { x = 4, y = ${mesh.x} }
            cores-per-cluster = 16
            name = "mesh-"${mesh.x}"x"${mesh.y}
            features = [simd, fpu]
            """);
        _dir.Write("parts/rest.conf", """
            timing { tick = 10ms, timeout = 2 minutes }
            log { include "log.conf" }
            """);
        _dir.Write("parts/log.conf", "level = info\nfile = null");
        var main = _dir.Write("main.conf", """
            actorhyper {
              machine { include "machine.conf" }
              include required(file("parts/rest.conf"))
            }
            """);

        var config = HoconLoader.Load([HoconSource.FromFile(main)], _ => null);

        Assert.Equal(Expected, config.ToJson());
    }

    [Fact]
    public void Layers_render_the_canonical_json()
    {
        var config = HoconLoader.Load(
            [
                HoconSource.FromText(Documents["braces, equals and newlines"].Replace("level = info", "level = debug", StringComparison.Ordinal), "reference"),
                HoconSource.FromText("actorhyper.machine.cores-per-cluster = 8", "user"),
                HoconSource.FromSetArgument("actorhyper.machine.cores-per-cluster=16", 1),
                HoconSource.FromSetArgument("actorhyper.log.level=info", 2),
            ],
            _ => null);

        Assert.Equal(Expected, config.ToJson());
    }
}
