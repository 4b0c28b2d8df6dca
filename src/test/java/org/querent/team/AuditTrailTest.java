package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.project.Project;
import org.querent.store.AuditRepository;

class AuditTrailTest {
    @TempDir
    Path dir;

    @Test
    void everyEventIsARowWithWhoWhenWhyAndTheLabelAsGivenAndAsReadToday() throws Exception {
        try (Project p = TeamFixture.open(dir)) {
            PeopleService people = new PeopleService(p);
            people.assign("lena", Role.LEAD, "lena", null);
            people.assign("rita", Role.REVIEWER, "lena", null);
            new TaxonomyService(p).rename("spam", "junk", "lena", "clearer");
            ReviewService review = new ReviewService(p);
            review.approve(6, "rita", null);
            review.change(4, List.of("junk"), "rita", "sells pills");
            new EscalationService(p).escalate(5, "unsure", "rita");

            List<Map<String, Object>> events = new AuditRepository(p.database()).events();
            assertEquals(11 + 2 + 4, events.size(), "11 fixture decisions, 2 taxonomy versions, 2 reviews, a label, an escalation");
            Map<String, Object> six = events.stream().filter(e -> "decision".equals(e.get("event"))
                    && Long.valueOf(6).equals(num(e.get("item_id"))) && "label".equals(e.get("kind"))).findFirst().orElseThrow();
            assertEquals("[\"spam\"]", six.get("labels_given"));
            assertEquals("[\"junk\"]", six.get("labels_now"));
            assertEquals("approved", six.get("review_status"));
            assertEquals("margin", six.get("strategy"));
            assertEquals(1L, num(six.get("taxonomy_version")));
            assertEquals(1L, num(six.get("guideline_version")));
            assertEquals("accepted", six.get("pre_label_decision"));
            Map<String, Object> rename = events.stream().filter(e -> "rename".equals(e.get("kind"))).findFirst().orElseThrow();
            assertEquals("{\"spam\":\"junk\"}", rename.get("taxonomy_mapping"));
            assertEquals("lead", rename.get("role"));
            assertEquals("clearer", rename.get("note"));
            Map<String, Object> change = events.stream().filter(e -> "change".equals(e.get("verdict"))).findFirst().orElseThrow();
            assertEquals("reviewer", change.get("role"));
            assertTrue(events.stream().anyMatch(e -> "escalate".equals(e.get("kind")) && "unsure".equals(e.get("note"))));

            Path out = dir.resolve("audit.csv");
            assertEquals(events.size(), new AuditTrail(p).write(out));
            List<String> lines = Files.readAllLines(out);
            assertEquals(String.join(",", AuditRepository.COLUMNS), lines.get(0));
            assertEquals(events.size() + 1, lines.size());
        }
    }

    private static Long num(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
