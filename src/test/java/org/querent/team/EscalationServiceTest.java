package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.session.LabellingService;
import org.querent.store.Decision;
import org.querent.store.Escalation;

class EscalationServiceTest {
    @TempDir
    Path dir;

    private static Project team(Path dir) {
        Project p = TeamFixture.open(dir);
        PeopleService people = new PeopleService(p);
        people.assign("lena", Role.LEAD, "lena", null);
        people.assign("ana", Role.ANNOTATOR, "lena", null);
        return p;
    }

    @Test
    void anEscalatedItemLeavesTheQueueUntilALeadResolvesIt() {
        try (Project p = team(dir)) {
            EscalationService escalations = new EscalationService(p);
            String uid = escalations.escalate(5, "is a newsletter spam?", "ana");
            assertTrue(p.decisions().setAside().contains(5L), "out of the queue");
            List<Escalation> open = escalations.open();
            assertEquals(1, open.size());
            assertEquals(uid, open.get(0).uid());
            assertEquals("ana", open.get(0).annotator());
            assertEquals("is a newsletter spam?", open.get(0).reason());

            QuerentException notLead = assertThrows(QuerentException.class,
                    () -> escalations.resolve(5, List.of("spam"), "yes", "ana"));
            assertTrue(notLead.getMessage().contains("only a lead may resolve"), notLead.getMessage());

            escalations.resolve(5, List.of("spam"), "unsolicited newsletters are spam", "lena");
            assertTrue(escalations.open().isEmpty());
            assertFalse(p.decisions().setAside().contains(5L));
            Decision label = p.decisions().currentLabels().get(5L);
            assertEquals(List.of("spam"), label.labels());
            assertEquals("lena", label.annotator());
            assertEquals(EscalationService.RESOLUTION_ORIGIN, label.origin());
            assertEquals("unsolicited newsletters are spam", label.note());
            List<String> kinds = p.decisions().history(5).stream().map(Decision::kind).toList();
            assertEquals(List.of("escalate", "label"), kinds);
        }
    }

    @Test
    void anUndoneEscalationPutsTheItemBackInTheQueue() {
        try (Project p = team(dir)) {
            EscalationService escalations = new EscalationService(p);
            escalations.escalate(5, "unsure", "ana");
            new LabellingService(p).undo("ana");
            assertTrue(escalations.open().isEmpty());
            assertFalse(p.decisions().setAside().contains(5L));
        }
    }

    @Test
    void anEscalationNeedsAReasonAndHappensOnce() {
        try (Project p = team(dir)) {
            EscalationService escalations = new EscalationService(p);
            assertThrows(QuerentException.class, () -> escalations.escalate(5, " ", "ana"));
            escalations.escalate(5, "unsure", "ana");
            QuerentException twice = assertThrows(QuerentException.class, () -> escalations.escalate(5, "still", "ana"));
            assertTrue(twice.getMessage().contains("already escalated"), twice.getMessage());
            assertThrows(QuerentException.class, () -> escalations.resolve(9, List.of("spam"), "n", "lena"),
                    "item 9 was never escalated");
            assertThrows(QuerentException.class, () -> escalations.resolve(5, List.of("eggs"), "n", "lena"));
            assertThrows(QuerentException.class, () -> escalations.resolve(5, List.of("spam"), "", "lena"));
            assertEquals(1, escalations.open().size(), "nothing resolved by the refused attempts");
        }
    }
}
