package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ItemKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.BrowseReads.BrowseCriteria;
import org.querent.store.BrowseReads.BrowseRow;
import org.querent.store.BrowseReads.BrowseScope;
import org.querent.store.DecisionRepository.NewDecision;

/**
 * Browse pages over 2,500 real items in a real project file: keyset pages in both directions meet without a gap
 * or a repeat, every scope pages to what it counts, and the scopes that ride on decisions or on V8's index of
 * inactive items never walk the item table.
 */
class BrowseReadsTest {
    private static final int ITEMS = 2_500;

    @TempDir
    Path dir;

    private Project project;
    private BrowseReads reads;

    @BeforeEach
    void fill() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false,
                null));
        List<NewItem> items = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            String body = "message " + i + (i % 100 == 0 ? " mentions a Zebra" : "");
            items.add(new NewItem("t" + i, "t" + i + ".txt", -1, ItemKind.TEXT, "data", body.length(), body.length(), 0,
                    "h" + i, body, null, i % 500 == 0 ? "unreadable" : null));
        }
        project.items().upsert(items);
        List<NewDecision> decisions = new ArrayList<>();
        for (long id = 3; id <= ITEMS; id += 3) {
            decisions.add(decision(id, "label", List.of(id % 2 == 0 ? "a" : "b"), "ana", null));
        }
        for (long id = 7; id <= ITEMS; id += 250) {
            decisions.add(decision(id, "flag", List.of(), "ben", "unsure"));
        }
        project.decisions().appendAll(decisions);
        reads = new BrowseReads(project.database());
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void pagesForwardAndBackMeetWithoutAGapOrARepeat() {
        BrowseCriteria all = new BrowseCriteria(BrowseScope.ALL, null, "");
        List<Long> forward = new ArrayList<>();
        List<BrowseRow> page = reads.after(all, 0, 1_000);
        List<Integer> sizes = new ArrayList<>();
        while (!page.isEmpty()) {
            sizes.add(page.size());
            page.forEach(r -> forward.add(r.id()));
            page = reads.after(all, page.get(page.size() - 1).id(), 1_000);
        }
        assertEquals(List.of(1_000, 1_000, 500), sizes);
        assertEquals(ITEMS, forward.size());
        for (int i = 1; i < forward.size(); i++) {
            assertTrue(forward.get(i) > forward.get(i - 1), "ascending ids, no repeats");
        }

        List<Long> backward = new ArrayList<>();
        page = reads.before(all, Long.MAX_VALUE, 1_000);
        while (!page.isEmpty()) {
            List<Long> ids = page.stream().map(BrowseRow::id).toList();
            backward.addAll(0, ids);
            page = reads.before(all, ids.get(0), 1_000);
        }
        assertEquals(forward, backward);
    }

    @Test
    void everyScopePagesToWhatItCounts() {
        int labelled = ITEMS / 3;
        int flagged = (ITEMS - 7) / 250 + 1;
        int quarantined = ITEMS / 500;
        assertPagesTo(new BrowseCriteria(BrowseScope.ALL, null, ""), ITEMS);
        assertPagesTo(new BrowseCriteria(BrowseScope.LABELLED_AS, "a", ""), labelled / 2);
        assertPagesTo(new BrowseCriteria(BrowseScope.FLAGGED, null, ""), flagged);
        assertPagesTo(new BrowseCriteria(BrowseScope.DECIDED_BY, "ben", ""), flagged);
        assertPagesTo(new BrowseCriteria(BrowseScope.QUARANTINED, null, ""), quarantined);
        assertPagesTo(new BrowseCriteria(BrowseScope.SKIPPED, null, ""), 0);
        assertPagesTo(new BrowseCriteria(BrowseScope.ALL, null, "zebra"), ITEMS / 100);
        // active, no current label: flagged items without a label stay unlabelled
        long unlabelled = java.util.stream.LongStream.rangeClosed(1, ITEMS)
                .filter(id -> id % 3 != 0 && id % 500 != 0).count();
        assertPagesTo(new BrowseCriteria(BrowseScope.UNLABELLED, null, ""), (int) unlabelled);
        BrowseRow flaggedRow = reads.after(new BrowseCriteria(BrowseScope.FLAGGED, null, ""), 0, 1).get(0);
        assertEquals("unsure", flaggedRow.flagReason());
        assertEquals("ben", flaggedRow.annotator());
    }

    @Test
    void pagesOfIdsKeepTheOrderAndTheSearch() {
        long[] ids = {100, 5, 300, 2_400};
        assertEquals(List.of(5L, 100L, 300L, 2_400L), reads.ofIds(ids, "").stream().map(BrowseRow::id).toList());
        assertEquals(List.of(100L, 300L, 2_400L), reads.ofIds(ids, "ZEBRA").stream().map(BrowseRow::id).toList());
        assertEquals(3, reads.countOfIds(ids, "zebra"));
        assertEquals(4, reads.countOfIds(ids, " "));
    }

    @Test
    void scopesDrivenByDecisionsOrInactiveItemsNeverWalkTheItemTable() {
        // A walk of the items shows as a scan of i or a rowid range on it; "all items" walks, and stops at the page.
        assertTrue(walksItems(reads.planOfPage(new BrowseCriteria(BrowseScope.ALL, null, ""))), "the check sees a walk");
        for (BrowseCriteria criteria : List.of(new BrowseCriteria(BrowseScope.LABELLED_AS, "a", ""),
                new BrowseCriteria(BrowseScope.FLAGGED, null, ""), new BrowseCriteria(BrowseScope.SKIPPED, null, ""),
                new BrowseCriteria(BrowseScope.DECIDED_BY, "ana", ""),
                new BrowseCriteria(BrowseScope.QUARANTINED, null, ""))) {
            List<String> plan = reads.planOfPage(criteria);
            assertFalse(walksItems(plan), criteria.scope() + " walks every item:\n" + String.join("\n", plan));
        }
        assertTrue(reads.planOfPage(new BrowseCriteria(BrowseScope.QUARANTINED, null, "")).stream()
                .anyMatch(l -> l.contains("item_state_not_active")), "quarantined reads V8's index of inactive items");
    }

    private static boolean walksItems(List<String> plan) {
        return plan.stream().anyMatch(l -> l.matches("SCAN i( .*)?") || l.startsWith("SEARCH i USING INTEGER PRIMARY KEY (rowid>"));
    }

    private void assertPagesTo(BrowseCriteria criteria, int expected) {
        int seen = 0;
        long after = 0;
        List<BrowseRow> page = reads.after(criteria, after, 1_000);
        while (!page.isEmpty()) {
            seen += page.size();
            page = reads.after(criteria, page.get(page.size() - 1).id(), 1_000);
        }
        assertEquals(expected, seen, criteria.toString());
        assertEquals(expected, reads.count(criteria), criteria.toString());
    }

    private static NewDecision decision(long item, String kind, List<String> labels, String who, String note) {
        return new NewDecision(item, kind, labels, who, null, null, null, null, null, null, null, note, "annotator");
    }
}
