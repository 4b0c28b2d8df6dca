package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;

/**
 * Querent is for laptops offline: the whole loop (init, import, score, label, train, status) runs in a network
 * namespace with no interface but loopback, on a first run with empty caches (the tokenizer's native library and
 * the built-in model are unpacked from the jars, nothing is downloaded). Needs {@code unshare -n}: root, as on CI.
 */
class NoNetworkTest {
    @TempDir
    Path dir;

    @Test
    void theLoopRunsWithNoNetworkAndEmptyCaches() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "unshare -n needs root (CI runs as root)");
        java.util.Map<String, String> truth = TestData.copyEmails(dir.resolve("data"), 3);
        String project = dir.resolve("p.querent").toString();
        String labels = String.join(",", TestData.emailLabels());
        run("init", project, "--data", dir.resolve("data").toString(), "--labels", labels);
        run("import", project);
        run("score", project);
        String status = run("status", project);
        assertTrue(status.contains("scored    18 of 18"), status);
        run("queue", project, "--size", "2");
        StringBuilder tsv = new StringBuilder();
        truth.forEach((file, label) -> tsv.append(file).append('\t').append(label).append('\n'));
        run("label", project, "--from", java.nio.file.Files.writeString(dir.resolve("labels.tsv"), tsv).toString());
        run("train", project);
        String after = run("status", project);
        assertTrue(after.contains("labelled  18"), after);
    }

    /** Runs a command with no network and a fresh home (so fresh caches); fails on a non-zero exit. */
    private String run(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(List.of("unshare", "-n"),
                List.of("-Duser.home=" + dir.resolve("home"), "-DDJL_CACHE_DIR=" + dir.resolve("home/djl")), args)).redirectErrorStream(true);
        builder.environment().remove("XDG_CACHE_HOME");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + output);
        return output;
    }
}
