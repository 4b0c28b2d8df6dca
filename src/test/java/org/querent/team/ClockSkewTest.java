package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.session.LabellingService;

/**
 * Laptops whose clocks are wrong (ADR 13's open point): a decision is ordered after every decision on its item
 * that its file held when it was made, whatever the clocks say (ADR 18). On the version-1 file: item 1 reads ham
 * (ana, 2026-12-02), item 7 spam (bob, 2026-12-02).
 */
class ClockSkewTest {
    @TempDir
    Path dir;

    /** A clock the test sets by hand. */
    static final class HandClock extends Clock {
        volatile Instant now;

        HandClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Project open(Path file, Clock clock) {
        return new ProjectService(clock).open(file);
    }

    private static Map<Long, String> current(Project p) {
        Map<Long, String> out = new TreeMap<>();
        p.decisions().currentLabels().forEach((item, d) -> out.put(item, String.join(",", d.labels())));
        return out;
    }

    @Test
    void aLabelMadeAfterMergingALabelFromAClockAheadStillWinsAndAClockBehindStillCorrects() throws Exception {
        Path lead;
        try (Project p = TeamFixture.open(dir)) {
            PeopleService people = new PeopleService(p);
            people.assign("lena", Role.LEAD, "lena", null);
            people.assign("ana", Role.ANNOTATOR, "lena", null);
            people.assign("bob", Role.ANNOTATOR, "lena", null);
            lead = p.file();
        }
        Path anas = dir.resolve("ana.querent");
        Path bobs = dir.resolve("bob.querent");
        Files.copy(lead, anas);
        Files.copy(lead, bobs);
        try (Project p = open(bobs, Clock.offset(Clock.systemUTC(), Duration.ofHours(2)))) {
            new LabellingService(p).label(7, List.of("ham"), "bob"); // two hours in the future
        }
        try (Project p = open(anas, Clock.offset(Clock.systemUTC(), Duration.ofDays(-30)))) {
            new LabellingService(p).label(1, List.of("spam"), "ana"); // a month in the past: before her own "ham"
            assertEquals("spam", current(p).get(1L), "her correction counts on her own laptop");
        }
        Path other = dir.resolve("lead2.querent");
        Files.copy(lead, other);
        Map<Long, String> oneOrder;
        try (Project p = open(lead, Clock.systemUTC())) {
            MergeService merge = new MergeService(p);
            merge.merge(bobs, "lena");
            merge.merge(anas, "lena");
            assertEquals("ham", current(p).get(7L), "bob's label, merged");
            new LabellingService(p).label(7, List.of("spam"), "lena");
            assertEquals("spam", current(p).get(7L), "lena labelled after seeing bob's label: hers is the current one");
            assertEquals("spam", current(p).get(1L), "ana's correction came along");
            oneOrder = current(p);
        }
        try (Project p = open(other, Clock.systemUTC())) {
            MergeService merge = new MergeService(p);
            merge.merge(anas, "lena");
            merge.merge(bobs, "lena");
            Map<Long, String> otherOrder = current(p);
            otherOrder.put(7L, "spam"); // lena's later label, the one difference
            assertEquals(oneOrder, otherOrder, "the merge order still does not matter");
        }
    }

    @Test
    void decisionsInTheSameSecondOrTheSameMillisecondKeepTheOrderTheyWereMadeIn() {
        Path file = TeamFixture.copy(dir);
        HandClock clock = new HandClock(Instant.parse("2026-12-04T10:00:00Z"));
        try (Project p = open(file, clock)) {
            LabellingService labelling = new LabellingService(p);
            labelling.label(5, List.of("ham"), "ana");
            clock.now = Instant.parse("2026-12-04T10:00:00.500Z");
            labelling.label(5, List.of("spam"), "bob");
            assertEquals("spam", current(p).get(5L), "a whole second written 10:00:00Z sorted after 10:00:00.500Z");
            assertEquals("2026-12-04T10:00:00.000Z", p.decisions().history(5).get(0).decidedAt(), "fixed width");

            labelling.label(9, List.of("spam"), "bob");
            labelling.label(9, List.of("ham"), "ana"); // the same millisecond; "bob" sorts after "ana"
            assertEquals("ham", current(p).get(9L), "the later decision is the current one");
            assertTrue(p.decisions().history(9).get(1).decidedAt().equals("2026-12-04T10:00:00.501Z"),
                    p.decisions().history(9).toString());
        }
    }
}
