package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sub-folder that cannot be listed is reported by import (a warning line and a count), and the items already
 * known from it are kept, not marked removed. Permissions do not bind root, so as root the import runs in a child
 * JVM without the capabilities that bypass them (setpriv); otherwise as this user.
 */
class UnreadableFolderTest {
    @TempDir
    Path dir;

    @Test
    void anUnreadableSubFolderIsReportedAndItsKnownItemsAreKept() throws Exception {
        Path data = dir.resolve("data");
        for (String file : List.of("open/a.txt", "open/b.txt", "locked/c.txt", "locked/d.txt")) {
            Files.createDirectories(data.resolve(file).getParent());
            Files.writeString(data.resolve(file), "Some words in " + file + ".");
        }
        String project = dir.resolve("p.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", data.toString(), "--labels", "x,y").code());
        assertEquals(0, CliRun.of("import", project).code());
        assertEquals(0, CliRun.of("label", project, "locked/c.txt", "x").code());

        Path locked = data.resolve("locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        String output;
        int code;
        try {
            List<String> command = ChildJvm.command(ChildJvm.withoutRootOverrides(), List.of(), "import", project);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
            code = p.exitValue();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(0, code, output);
        assertTrue(output.contains("warning: locked/ skipped: folder could not be read: permission denied"), output);
        assertTrue(output.contains("0 removed") && output.contains("1 folders could not be read"), output);

        CliRun status = CliRun.of("status", project);
        assertTrue(status.out().contains("4 active, 0 quarantined, 0 removed"), status.toString());
        assertTrue(status.out().contains("labelled  1"), "the label on locked/c.txt is still there: " + status);
    }
}
