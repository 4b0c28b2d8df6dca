package org.querent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/**
 * Looks at an existing file before SQLite does: SQLite treats an empty file as a new database, so a
 * truncated or zero-byte project would otherwise be migrated in place as an empty project.
 */
final class ProjectFileCheck {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private ProjectFileCheck() {
    }

    static void requireProjectFile(Path file) {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw StorageErrors.io("cannot read the project " + file, e);
        }
        if (read == 0) {
            throw new QuerentException(ErrorKind.PROJECT, "the file " + file.getFileName()
                    + " is empty (0 bytes): it is not a Querent project, perhaps an interrupted copy."
                    + " Restore it from a backup; only 'querent init' creates a new project");
        }
        if (read < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw new QuerentException(ErrorKind.PROJECT, "the file " + file.getFileName()
                    + " is damaged or not a Querent project (no SQLite header): restore it from a backup,"
                    + " or open a .querent file made by 'querent init'");
        }
    }
}
