package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void theCurrentLabelIsTheNewestDecisionNotUndoneAndHistoryKeepsAll() {
        try (Database db = Database.open(dir.resolve("p.querent"), true)) {
            ItemRepository items = new ItemRepository(db, Clock.systemUTC());
            items.upsert(List.of(DatabaseTest.item("a.txt", "alpha")));
            long id = items.byKey("a.txt").orElseThrow().id();
            DecisionRepository decisions = new DecisionRepository(db, Clock.systemUTC());
            decisions.append(DatabaseTest.label(id, "cat"));
            Decision second = decisions.append(DatabaseTest.label(id, "dog"));
            assertEquals(List.of("dog"), decisions.currentLabels().get(id).labels());

            decisions.append(new DecisionRepository.NewDecision(id, "undo", null, "ann", null, null, null, null, null,
                    null, second.id(), null, "annotator"));
            assertEquals(List.of("cat"), decisions.currentLabels().get(id).labels(), "undo falls back to the earlier label");
            assertEquals(3, decisions.history(id).size(), "nothing is deleted");
            assertEquals("cat", decisions.lastLiveOf("ann").orElseThrow().labels().get(0));
        }
    }

    @Test
    void aSkippedItemIsSetAsideUntilLabelled() {
        try (Database db = Database.open(dir.resolve("p.querent"), true)) {
            ItemRepository items = new ItemRepository(db, Clock.systemUTC());
            items.upsert(List.of(DatabaseTest.item("a.txt", "alpha")));
            long id = items.byKey("a.txt").orElseThrow().id();
            DecisionRepository decisions = new DecisionRepository(db, Clock.systemUTC());
            decisions.append(new DecisionRepository.NewDecision(id, "skip", null, "ann", null, null, null, null, null,
                    null, null, null, "annotator"));
            assertTrue(decisions.setAside().contains(id));
            decisions.append(DatabaseTest.label(id, "cat"));
            assertFalse(decisions.setAside().contains(id));
        }
    }
}
