package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ItemKind;
import org.querent.common.audio.AudioFacts;

/** The audio migration rebuilds the item table: ids, decisions and their links survive, and AUDIO items fit. */
class MigrationAudioTest {
    @TempDir
    Path dir;

    @Test
    void oldItemsKeepTheirIdsAndLinksAndAudioItemsKeepTheirFacts() throws Exception {
        Path file = dir.resolve("v1.querent");
        Files.copy(MigrationV2Test.FIXTURE, file);
        List<String> before = rows(file, "SELECT id || ' ' || item_key || ' ' || kind || ' ' || state FROM item ORDER BY id");
        try (Database db = Database.open(file, false)) {
            ItemRepository items = new ItemRepository(db, Clock.systemUTC());
            items.upsert(List.of(new NewItem("a/clip.wav", "a/clip.wav", -1, ItemKind.AUDIO, "a", 100, 100, 1, "h-audio",
                    null, "a", null, new AudioFacts(8000, 1, 12_000, "PCM 16-bit"))));
            ItemRecord clip = items.byKey("a/clip.wav").orElseThrow();
            assertEquals(new AudioFacts(8000, 1, 12_000, "PCM 16-bit"), clip.audio());
            assertEquals(1.5, clip.audio().seconds(), 1e-9);
            assertNull(items.byKey(before.get(0).split(" ")[1]).orElseThrow().audio());
        }
        List<String> after = rows(file, "SELECT id || ' ' || item_key || ' ' || kind || ' ' || state FROM item ORDER BY id");
        assertEquals(before, after.subList(0, before.size()));
        assertEquals(List.of(), rows(file, "PRAGMA foreign_key_check"));
        assertEquals(List.of(), rows(file, "SELECT name FROM sqlite_master WHERE name LIKE 'item_v%'"));
        assertEquals(List.of("ok"), rows(file, "PRAGMA integrity_check"));
    }

    private static List<String> rows(Path file, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
