package org.querent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's command-line walk-through as written, with bash, on a copy of the sample project.
 * Only the first line changes: {@code $Q} runs the compiled classes, since the jar is built after the
 * tests. A walk-through that does not work fails here.
 */
class ReadmeWalkthroughTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeCommandLineBlockRunsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("## The command line on the sample project[^\\n]*\\n```sh\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README has the walk-through block");
        List<String> lines = block.group(1).lines().toList();
        assertTrue(lines.get(0).startsWith("Q=\"java -jar $PWD/target/querent.jar\""), lines.get(0));
        assertEquals("cd sample-projects/emails", lines.get(1));

        Path root = dir.resolve("repo");
        copyTree(Path.of("sample-projects", "emails"), root.resolve("sample-projects").resolve("emails"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String q = "Q=\"" + java + " -cp " + System.getProperty("java.class.path") + " org.querent.app.Launcher\"";
        String script = "set -euo pipefail\n" + q + "\n" + String.join("\n", lines.subList(1, lines.size())) + "\n";
        Path log = dir.resolve("walkthrough.log");
        Process bash = new ProcessBuilder("bash", "-c", script).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(bash.waitFor(8, TimeUnit.MINUTES), "the walk-through finished");
        String output = Files.readString(log);
        assertEquals(0, bash.exitValue(), output);
        Path exported = root.resolve("sample-projects/emails/labels.csv");
        List<String> rows = Files.readAllLines(exported);
        assertEquals(19, rows.size(), "a header and the 18 labels: " + rows);
        assertTrue(output.contains("v1"), output);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".querent")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
