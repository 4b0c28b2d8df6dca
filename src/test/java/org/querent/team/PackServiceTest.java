package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.store.WorkPackageRepository.PackedItem;

/** Successive packs share the recorded overlap set; a package is a whole project file with only its items. */
class PackServiceTest {
    @TempDir
    Path dir;

    private static Set<Long> ids(PackService.Plan plan) {
        Set<Long> out = new TreeSet<>();
        plan.items().forEach(i -> out.add(i.itemId()));
        return out;
    }

    @Test
    void aLaterPackWithAnOverlapGetsTheSharedItemsOfTheEarlierOne() throws Exception {
        Path anas = dir.resolve("ana.querent");
        Path bobs = dir.resolve("bob.querent");
        long auditRound;
        try (Project p = TeamFixture.open(dir)) {
            p.meta().put("audit_picks", "{\"999\":[2, 5]}"); // a round of the lead's the packages do not carry
            long round = p.rounds().latestSelection(5).orElseThrow().roundId();
            p.database().write(c -> c.createStatement().executeUpdate("UPDATE round SET settings = '{\"audit\":[5]}' "
                    + "WHERE id = " + round)); // item 5 was an audit pick of the round that last chose it
            auditRound = round;
            PackService pack = new PackService(p);
            assertEquals(2, PackService.sharedPerPackage(4, 0.5));
            assertEquals(1, PackService.sharedPerPackage(4, 0.05), "a positive overlap shares at least one item");
            List<PackService.Plan> first = pack.write(pack.plan(List.of("ana"), Map.of("ana", anas),
                    List.of(2L, 5L, 9L, 10L, 1L), 4, 0.5), "lena");
            assertEquals(Set.of(2L, 5L, 9L, 10L), ids(first.get(0)));
            assertEquals(List.of(2L, 5L), first.get(0).items().stream().filter(PackedItem::shared)
                    .map(PackedItem::itemId).toList());
            assertEquals(2, pack.freshNeeded(List.of("bob"), 4, 0.5), "bob reuses the two shared items");
            List<PackService.Plan> second = pack.write(pack.plan(List.of("bob"), Map.of("bob", bobs),
                    List.of(9L, 1L, 3L), 4, 0.5), "lena");
            assertEquals(Set.of(2L, 5L, 1L, 3L), ids(second.get(0)), "the shared set, then fresh items (9 is ana's)");
            QuerentException nothing = assertThrows(QuerentException.class, () -> pack.plan(List.of("cat"),
                    Map.of("cat", dir.resolve("cat.querent")), List.of(1L, 9L), 4, 0));
            assertTrue(nothing.getMessage().contains("nothing left to pack for cat"), nothing.getMessage());
            QuerentException exists = assertThrows(QuerentException.class, () -> pack.write(pack.plan(List.of("cat"),
                    Map.of("cat", anas), List.of(4L), 1, 0), "lena"));
            assertTrue(exists.getMessage().contains("a file already exists"), exists.getMessage());
            assertEquals(2, pack.progress().size());
        }
        try (Project b = new ProjectService(Clock.systemUTC()).open(bobs)) {
            assertEquals(4, b.items().countAll());
            assertTrue(PackService.isPackage(b));
            assertEquals(java.util.Optional.of("{\"" + auditRound + "\":[5]}"), b.meta().get("audit_picks"),
                    "the audit flags of the rounds it carries, none of the rounds it lacks");
            assertEquals(List.of("ham", "spam"), b.labelNames());
            assertEquals(2, b.decisions().currentLabels().size(), "items 1 and 3 came with their labels so far");
        }
        // Mostly the schema's pages (about 50 tables and their indexes): four items add little.
        assertTrue(Files.size(bobs) < 300_000, "a small file: " + Files.size(bobs));
    }
}
