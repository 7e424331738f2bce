import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs lightbend's implementation on the conformance harness's cases.
 * Input: a list file, one case per line, "id TAB file|string TAB path".
 * Output (stdout, UTF-8): "id TAB OK TAB concise-json" or "id TAB ERR TAB message" per case.
 * Resolution ignores the environment so that both implementations see the same inputs.
 */
public final class LightbendDriver {
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            out.println(parts[0] + "\t" + run(parts[1], parts[2]));
        }
    }

    private static String run(String mode, String path) {
        try {
            ConfigParseOptions options = ConfigParseOptions.defaults();
            com.typesafe.config.Config parsed;
            if (mode.equals("file")) {
                parsed = ConfigFactory.parseFile(new File(path), options);
            } else {
                String text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
                parsed = ConfigFactory.parseString(text, options.setSyntax(ConfigSyntax.CONF));
            }
            String json = parsed.resolve(ConfigResolveOptions.noSystem()).root().render(ConfigRenderOptions.concise());
            return "OK\t" + json;
        } catch (Exception e) {
            return "ERR\t" + String.valueOf(e.getMessage()).replace('\n', ' ').replace('\t', ' ');
        }
    }
}
