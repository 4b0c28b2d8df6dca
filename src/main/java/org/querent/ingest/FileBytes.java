package org.querent.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import org.querent.common.Hashes;

/** Reading and hashing file contents. */
final class FileBytes {
    private FileBytes() {
    }

    /** SHA-256 of a file streamed from disk, for files too large to hold in memory just to be quarantined. */
    static String sha256Hex(Path file) throws IOException {
        MessageDigest digest = Hashes.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return Hashes.hex(digest.digest());
    }
}
