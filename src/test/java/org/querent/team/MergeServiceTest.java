package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.session.LabellingService;
import org.querent.store.AuditRepository;
import org.querent.store.MergeRepository.Added;

/** The lead's project A, copied to B (ana) and C (bob) who label on their own; their work merges back. */
class MergeServiceTest {
    @TempDir
    Path dir;
    Path lead;
    Path anas;
    Path bobs;

    private static Project open(Path file) {
        return new ProjectService(Clock.systemUTC()).open(file);
    }

    @BeforeEach
    void copiesForTwoAnnotators() throws Exception {
        try (Project p = TeamFixture.open(dir)) {
            PeopleService people = new PeopleService(p);
            people.assign("lena", Role.LEAD, "lena", null);
            people.assign("ana", Role.ANNOTATOR, "lena", null);
            people.assign("bob", Role.ANNOTATOR, "lena", null);
            lead = p.file();
        }
        anas = dir.resolve("ana.querent");
        bobs = dir.resolve("bob.querent");
        Files.copy(lead, anas);
        Files.copy(lead, bobs);
        try (Project p = open(anas)) {
            new LabellingService(p).label(5, List.of("spam"), "ana");
            new LabellingService(p).label(9, List.of("spam"), "ana");
            new LabellingService(p).undo("ana");
            new LabellingService(p).label(9, List.of("ham"), "ana");
        }
        try (Project p = open(bobs)) {
            new LabellingService(p).label(6, List.of("ham"), "bob");
            new EscalationService(p).escalate(2, "two languages", "bob");
        }
    }

    private static Map<Long, String> current(Project p) {
        Map<Long, String> out = new TreeMap<>();
        p.decisions().currentLabels().forEach((item, d) -> out.put(item, String.join(",", d.labels())));
        return out;
    }

    private static List<Object> uids(Project p) {
        return new AuditRepository(p.database()).events().stream().map(e -> e.get("event_id")).sorted().map(o -> (Object) o)
                .toList();
    }

    @Test
    void mergingBringsEveryonesDecisionsBackOnceInAnyOrder() throws Exception {
        Path second = dir.resolve("lead2.querent");
        Files.copy(lead, second);
        Map<Long, String> currentAB;
        List<Object> uidsAB;
        try (Project p = open(lead)) {
            MergeService merge = new MergeService(p);
            Added a = merge.merge(anas, "lena");
            assertEquals(4, a.decisions(), "three labels and an undo");
            assertEquals(2, merge.merge(bobs, "lena").decisions());
            assertEquals(0, merge.merge(anas, "lena").decisions(), "merging twice adds nothing");
            assertEquals(0, merge.merge(bobs, "lena").roles());
            currentAB = current(p);
            uidsAB = uids(p);
            assertEquals("ham", currentAB.get(9L), "ana's undo came along");
            assertEquals("ham", currentAB.get(6L), "bob's newer label of item 6 is the current one");
            assertEquals(1, new EscalationService(p).open().size());
            assertEquals(List.of("spam", "ham"), p.decisions().history(6).stream()
                    .filter(d -> d.kind().equals("label")).map(d -> String.join(",", d.labels())).toList(),
                    "ana's original label is kept beside bob's");
        }
        try (Project p = open(second)) {
            MergeService merge = new MergeService(p);
            merge.merge(bobs, "lena");
            merge.merge(anas, "lena");
            assertEquals(currentAB, current(p));
            assertEquals(uidsAB, uids(p), "the same events, whichever order");
        }
    }

    /** A role changed in two copies: the newer change is in force after merging in either order. */
    @Test
    void roleChangesMergeToTheSameRolesInEitherOrder() throws Exception {
        try (Project p = open(anas)) {
            new PeopleService(p).assign("bob", Role.REVIEWER, "lena", "reviews on ana's laptop");
        }
        Thread.sleep(5);
        try (Project p = open(bobs)) {
            new PeopleService(p).assign("bob", Role.LEAD, "lena", "leads from Monday");
        }
        Path second = dir.resolve("lead2.querent");
        Files.copy(lead, second);
        try (Project p = open(lead)) {
            new MergeService(p).merge(anas, "lena");
            new MergeService(p).merge(bobs, "lena");
            assertEquals(Role.LEAD, new PeopleService(p).roleOf("bob").orElseThrow());
        }
        try (Project p = open(second)) {
            new MergeService(p).merge(bobs, "lena");
            new MergeService(p).merge(anas, "lena");
            assertEquals(Role.LEAD, new PeopleService(p).roleOf("bob").orElseThrow(), "the newer change, merged first");
        }
    }

    @Test
    void aCopyOfAnotherProjectIsRefusedAndNothingIsMerged() {
        Path otherDir = dir.resolve("other");
        Path foreign;
        try (Project p = TeamFixture.open(otherDir)) { // the same v1 file, upgraded separately: another project
            new LabellingService(p).label(5, List.of("spam"), "ana");
            foreign = p.file();
        }
        try (Project p = open(lead)) {
            int before = p.decisions().countByKind().values().stream().mapToInt(Integer::intValue).sum();
            QuerentException e = assertThrows(QuerentException.class, () -> new MergeService(p).merge(foreign, "lena"));
            assertTrue(e.getMessage().contains("is from another project"), e.getMessage());
            assertEquals(before, p.decisions().countByKind().values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    @Test
    void aCopyWithATaxonomyChangeThisProjectLacksIsRefused() {
        try (Project p = open(bobs)) {
            new TaxonomyService(p).rename("spam", "junk", "lena", "on bob's laptop");
        }
        try (Project p = open(lead)) {
            QuerentException e = assertThrows(QuerentException.class, () -> new MergeService(p).merge(bobs, "lena"));
            assertTrue(e.getMessage().contains("taxonomy version 2"), e.getMessage());
            assertTrue(new EscalationService(p).open().isEmpty(), "nothing merged");
        }
    }

    @Test
    void aCopyWithDamagedPagesIsRefusedAndNothingIsMerged() throws Exception {
        Path damaged = dir.resolve("garbled.querent");
        byte[] bytes = Files.readAllBytes(anas);
        for (int i = 4096; i < bytes.length; i += 4096) { // every page after the first: header intact, pages garbled
            java.util.Arrays.fill(bytes, i + 8, Math.min(bytes.length, i + 200), (byte) 0x5a);
        }
        Files.write(damaged, bytes);
        try (Project p = open(lead)) {
            List<Object> before = uids(p);
            QuerentException e = assertThrows(QuerentException.class, () -> new MergeService(p).merge(damaged, "lena"));
            assertTrue(e.getMessage().contains("garbled.querent cannot be merged, it is damaged"), e.getMessage());
            assertEquals(before, uids(p), "nothing merged");
        }
    }

    @Test
    void aTruncatedCopyIsRefusedWithAMessageAndOnlyALeadMerges() throws Exception {
        Path truncated = dir.resolve("cut.querent");
        byte[] bytes = Files.readAllBytes(anas);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        try (Project p = open(lead)) {
            MergeService merge = new MergeService(p);
            QuerentException cut = assertThrows(QuerentException.class, () -> merge.merge(truncated, "lena"));
            assertTrue(cut.getMessage().contains("cut.querent cannot be merged, it is damaged")
                    && cut.getMessage().contains("ask for a fresh copy"), cut.getMessage());
            QuerentException notLead = assertThrows(QuerentException.class, () -> merge.merge(anas, "ana"));
            assertTrue(notLead.getMessage().contains("only a lead may merge"), notLead.getMessage());
            assertThrows(QuerentException.class, () -> merge.merge(p.file(), "lena"));
        }
    }
}
