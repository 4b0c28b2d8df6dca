package org.querent.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.querent.common.Hashes;
import org.querent.common.ItemKind;

/**
 * Rows of a table read by Spark (Parquet, CSV, JSONL) as items. A text row is hashed as the app hashes a table row
 * (SHA-256 of its text in UTF-8); a path row as the app hashes a file (SHA-256 of its bytes). The app never imports
 * such a table itself, so the item key is the key column when given, otherwise the content hash (texts) or the path as written (files).
 * Rows are {@code (key, value)} with key possibly null; blank texts and unreadable files are counted and skipped.
 */
final class TableItems {
    private TableItems() {
    }

    static Iterator<SourceItem> items(Iterator<Row> rows, ItemKind pathKind, String root, LongAccumulator skipped) {
        return new Iterator<>() {
            private SourceItem next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Row row = rows.next();
                    next = pathKind == null ? text(row) : file(row, pathKind, root);
                    if (next == null) {
                        skipped.add(1);
                    }
                }
                return next != null;
            }

            @Override
            public SourceItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceItem item = next;
                next = null;
                return item;
            }
        };
    }

    private static SourceItem text(Row row) {
        Object value = row.get(1);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString();
        String hash = Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
        return new SourceItem(key(row, hash), hash, ItemKind.TEXT, text, null);
    }

    private static SourceItem file(Row row, ItemKind kind, String root) {
        Object value = row.get(1);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        Path path = root == null ? Path.of(value.toString()) : Path.of(root).resolve(value.toString());
        MessageDigest digest = Hashes.sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return null;
        }
        String hash = Hashes.hex(digest.digest());
        return new SourceItem(key(row, value.toString()), hash, kind, null, path.toAbsolutePath().toString());
    }

    private static String key(Row row, String hash) {
        Object key = row.get(0);
        return key == null ? hash : key.toString();
    }
}
