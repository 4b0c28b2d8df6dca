package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Hashes;
import org.querent.common.ItemKind;

/** importVectors gives the same counts whether it matches rows in memory or, as a fallback, in SQL. */
class VectorImportTest {
    @TempDir
    Path dir;

    private static String hash(int i) {
        return Hashes.sha256Hex(("content " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void countsStoredAlreadyStoredAndWithoutItem(boolean oneItemHashIsNotHex) {
        try (Database db = Database.open(dir.resolve("p.querent"), true)) {
            ItemRepository items = new ItemRepository(db, Clock.systemUTC());
            EmbeddingRepository embeddings = new EmbeddingRepository(db, Clock.systemUTC());
            List<NewItem> batch = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                batch.add(new NewItem("k" + i, "k" + i, -1, ItemKind.TEXT, "s", 1, 1, 0, hash(i), "b", null, null));
            }
            if (oneItemHashIsNotHex) {
                batch.add(new NewItem("odd", "odd", -1, ItemKind.TEXT, "s", 1, 1, 0, "not-hex", "b", null, null));
            }
            items.upsert(batch);
            embeddings.registerModel("m", "m", "m", "text", 4, List.of());
            byte[] vector = new byte[8];
            new Random(1).nextBytes(vector);
            EmbeddingRepository.ImportCounts first = embeddings.importVectors("m", 3, sink -> {
                for (int i = 0; i < 5000; i += 2) { // 1500 items, 1000 rows of content the project lacks
                    sink.add(hash(i), vector, "k" + i);
                }
                sink.add(hash(0), vector, "k0"); // the same content twice in one import
                sink.add("NOT A HASH", vector, "weird");
            });
            assertEquals(1500, first.stored());
            assertEquals(1, first.alreadyStored());
            assertEquals(1001, first.notInProject());
            assertEquals(List.of("k3000", "k3002", "k3004"), first.firstNotInProject());
            EmbeddingRepository.ImportCounts second = embeddings.importVectors("m", 3, sink -> {
                for (int i = 0; i < 3000; i++) {
                    sink.add(hash(i), vector, "k" + i);
                }
            });
            assertEquals(1500, second.stored());
            assertEquals(1500, second.alreadyStored());
            assertEquals(0, second.notInProject());
            assertEquals(3000, embeddings.count("m"));
        }
    }

    @Test
    void theHashTableIsExact() {
        ContentHashTable table = new ContentHashTable(10);
        for (int i = 0; i < 10_000; i += 2) {
            assertTrue(table.add(hash(i)));
        }
        String zero = "0".repeat(64);
        String sameStart = hash(0).substring(0, 16) + "0".repeat(48); // shares the first 64 bits with hash(0)
        assertFalse(table.contains(zero));
        assertTrue(table.add(zero));
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i % 2 == 0, table.contains(hash(i)), "hash " + i);
        }
        assertTrue(table.contains(zero));
        assertFalse(table.contains(sameStart));
        assertFalse(table.contains(hash(0).toUpperCase()), "SQLite compares case-sensitively, so does the table");
        assertFalse(table.add("xyz"));
        assertEquals(5001, table.size());
    }
}
