package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.session.LabellingService;
import org.querent.store.ReviewItem;
import org.querent.team.ReviewService.QueueFilter;

/**
 * The review queue's "low agreement", "flagged" and "escalated" filters on the real version-1 file (current labels
 * 6, 4, 1, 3 by ana and 8, 7 by bob; item 10 flagged by ana, unlabelled), with cases built so that a filter that
 * ignored undo, counted a resolved escalation's own label, or compared fewer than all answers would fail:
 * <pre>
 * flagged    1: ana's label, flagged by bob              -> in
 *            3: flagged by ana, flag undone              -> out
 *           10: flagged by ana (fixture), then labelled  -> in (a flag before the label counts)
 * escalated  4: ana's label, escalated by bob (open)     -> in
 *            6: escalated by carl, resolved by lena      -> out (the resolution needs no review)
 *            8: escalated by ana, escalation undone      -> out
 * agreement  7: bob spam, ana ham                        -> 0 of 1 pairs agree
 *            8: bob spam, ana spam                       -> all agree: out
 *            9: ana spam, bob ham, carl ham              -> 1 of 3 pairs agree
 * </pre>
 */
class ReviewFiltersTest {
    @TempDir
    Path dir;
    Project p;

    @BeforeEach
    void team() {
        p = TeamFixture.open(dir);
        PeopleService people = new PeopleService(p);
        people.assign("lena", Role.LEAD, "lena", null);
        people.assign("ana", Role.ANNOTATOR, "lena", null);
        people.assign("bob", Role.REVIEWER, "lena", null);
        people.assign("carl", Role.ANNOTATOR, "lena", null);
        LabellingService labelling = new LabellingService(p);
        EscalationService escalations = new EscalationService(p);

        labelling.flag(1, "a newsletter, not ham?", "bob");
        labelling.flag(3, "unsure", "ana");
        labelling.undo("ana");
        labelling.label(10, List.of("spam"), "ana");

        escalations.escalate(4, "pills or not?", "bob");
        escalations.escalate(6, "two topics", "carl");
        escalations.resolve(6, List.of("spam"), "it sells", "lena");
        escalations.escalate(8, "which list?", "ana");
        labelling.undo("ana");

        labelling.label(7, List.of("ham"), "ana");
        labelling.label(8, List.of("spam"), "ana");
        labelling.label(9, List.of("spam"), "ana");
        labelling.label(9, List.of("ham"), "bob");
        labelling.label(9, List.of("ham"), "carl");
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        p.close();
    }

    private List<Long> queue(String reviewer, QueueFilter f) {
        return new ReviewService(p).queue(reviewer, f, 50).stream().map(ReviewItem::itemId).toList();
    }

    private static QueueFilter lowAgreement(Double below) {
        return new QueueFilter(null, null, null, false, below, false, false);
    }

    @Test
    void flaggedShowsItemsWithAFlagInForceBeforeOrAfterTheirLabel() {
        assertEquals(List.of(10L, 1L), queue("lena", new QueueFilter(null, null, null, false, null, true, false)));
        assertEquals(List.of(10L), queue("lena", new QueueFilter(null, "spam", null, false, null, true, false)),
                "filters combine: flagged and labelled spam");
        assertEquals(List.of(10L, 1L), queue("bob", new QueueFilter(null, null, null, false, null, true, false)),
                "bob flagged item 1 but did not label it: it is his to review");
    }

    @Test
    void escalatedShowsItemsWithAnEscalationInForceWhoseLabelWaits() {
        assertEquals(List.of(4L), queue("lena", new QueueFilter(null, null, null, false, null, false, true)));
        assertEquals(List.of(), queue("lena", new QueueFilter(null, null, null, false, null, true, true)),
                "no item is both flagged and escalated");
        assertTrue(queue("lena", QueueFilter.ALL).containsAll(List.of(1L, 3L, 4L, 7L, 8L, 9L, 10L)),
                "without filters every waiting label is there");
    }

    @Test
    void lowAgreementShowsItemsWhoseAnnotatorsAreNotUnanimousOrBelowAThreshold() {
        assertEquals(List.of(9L, 7L), queue("lena", lowAgreement(AgreementService.LOW_AGREEMENT_BELOW)));
        assertEquals(List.of(9L, 7L), queue("lena", lowAgreement(0.5)), "item 9: 1 of 3 pairs agree, below a half");
        assertEquals(List.of(7L), queue("lena", lowAgreement(0.3)), "1/3 is not below 0.3; 0 is");
        assertEquals(List.of(9L), queue("lena", new QueueFilter("carl", null, null, false, 1.0, false, false)),
                "carl gave item 9's current label");
        assertEquals(java.util.Set.of(7L, 9L), new AgreementService(p).lowAgreementItems(1.0),
                "item 8 is labelled by two who agree");
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefusedWithWhatToGive() {
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            QuerentException e = assertThrows(QuerentException.class, () -> queue("lena", lowAgreement(bad)));
            assertTrue(e.getMessage().contains("above 0 and at most 1"), e.getMessage());
        }
    }
}
