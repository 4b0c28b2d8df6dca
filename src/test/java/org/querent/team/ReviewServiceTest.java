package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.session.LabellingService;
import org.querent.session.ModelSession;
import org.querent.session.Pool;
import org.querent.session.TrainingService;
import org.querent.store.Decision;
import org.querent.store.ReviewItem;

/** Fixture labels: ana gave items 6 (spam), 4 (ham, corrected), 1 and 3 (ham); bob gave 8 and 7 (spam). */
class ReviewServiceTest {
    @TempDir
    Path dir;

    private static Project team(Path dir) {
        Project p = TeamFixture.open(dir);
        PeopleService people = new PeopleService(p);
        people.assign("lena", Role.LEAD, "lena", null);
        people.assign("ana", Role.ANNOTATOR, "lena", null);
        people.assign("bob", Role.REVIEWER, "lena", null);
        return p;
    }

    private static List<Long> ids(List<ReviewItem> items) {
        return items.stream().map(ReviewItem::itemId).toList();
    }

    @Test
    void theQueueShowsOthersLabelsNewestFirstWithFilters() {
        try (Project p = team(dir)) {
            ReviewService review = new ReviewService(p);
            assertEquals(List.of(3L, 1L, 4L, 6L), ids(review.queue("bob", null, null, null, false, 50)),
                    "ana's labels, newest first; bob's own are not his to review");
            assertEquals(List.of(3L, 7L, 8L, 1L, 4L, 6L), ids(review.queue("lena", null, null, null, false, 50)));
            assertEquals(List.of(7L, 8L), ids(review.queue("lena", "bob", null, null, false, 50)));
            assertEquals(List.of(7L, 8L, 6L), ids(review.queue("lena", null, "spam", null, false, 50)));
            assertEquals(List.of(4L), ids(review.queue("lena", null, null, null, true, 50)));
            assertThrows(QuerentException.class, () -> review.queue("ana", null, null, null, false, 50));
        }
    }

    @Test
    void approveChangeAndRejectAreRecordedAndLeaveTheQueue() {
        try (Project p = team(dir)) {
            ReviewService review = new ReviewService(p);
            assertEquals(6, review.waitingForReview());
            review.approve(6, "bob", null);
            review.change(4, List.of("spam"), "bob", "it sells something");
            review.reject(3, "bob", "the text is cut off: look again");
            assertEquals(List.of(1L), ids(review.queue("bob", null, null, null, false, 50)));
            assertEquals(3, review.waitingForReview(), "1 (ana), 8 and 7 (bob); 6 approved, 4 changed, 3 rejected");

            List<Decision> four = p.decisions().history(4);
            assertEquals(List.of("label", "review", "label"), four.stream().map(Decision::kind).toList());
            assertEquals(List.of("ham"), four.get(0).labels(), "ana's label stays in the history");
            assertEquals(List.of("spam"), p.decisions().currentLabels().get(4L).labels());
            assertEquals(ReviewService.REVIEW_ORIGIN, p.decisions().currentLabels().get(4L).origin());

            assertFalse(p.decisions().currentLabels().containsKey(3L), "rejected: no longer labelled");
            assertFalse(p.decisions().setAside().contains(3L), "and not set aside: back in the queue");
            new LabellingService(p).label(3, List.of("ham"), "ana");
            assertTrue(ids(review.queue("bob", null, null, null, false, 50)).contains(3L), "the new label waits for review");
        }
    }

    @Test
    void anUndoneReviewPutsTheLabelBackInTheQueue() {
        try (Project p = team(dir)) {
            ReviewService review = new ReviewService(p);
            review.change(4, List.of("spam"), "bob", "sells pills");
            review.approve(6, "bob", null);
            assertFalse(ids(review.queue("bob", null, null, null, false, 50)).contains(4L));
            new LabellingService(p).undo("bob"); // the approval of 6
            new LabellingService(p).undo("bob"); // the changed label of 4
            assertEquals(List.of("ham"), p.decisions().currentLabels().get(4L).labels(), "ana's label is back");
            assertEquals(List.of(3L, 1L, 4L, 6L), ids(review.queue("bob", null, null, null, false, 50)));
            review.approve(4, "bob", "on second thoughts");
            assertTrue(review.trainingGate().orElseThrow().contains(4L));
        }
    }

    @Test
    void nobodyReviewsTheirOwnLabelOrTheSameLabelTwice() {
        try (Project p = team(dir)) {
            ReviewService review = new ReviewService(p);
            QuerentException own = assertThrows(QuerentException.class, () -> review.approve(8, "bob", null));
            assertTrue(own.getMessage().contains("reviewed by someone else"), own.getMessage());
            review.approve(6, "bob", null);
            QuerentException twice = assertThrows(QuerentException.class, () -> review.approve(6, "lena", null));
            assertTrue(twice.getMessage().contains("already reviewed"), twice.getMessage());
            QuerentException annotator = assertThrows(QuerentException.class, () -> review.approve(8, "ana", null));
            assertTrue(annotator.getMessage().contains("only a reviewer or lead"), annotator.getMessage());
            assertThrows(QuerentException.class, () -> review.reject(1, "bob", " "), "a rejection needs a reason");
            assertThrows(QuerentException.class, () -> review.change(1, List.of("ham"), "bob", "same"),
                    "a change to the same label is an approval");
            assertThrows(QuerentException.class, () -> review.approve(2, "bob", null), "item 2 has no label");
        }
    }

    @Test
    void theGateIsOffForOnePersonOnForATeamAndDecidesWhatTrainingLearns() {
        try (Project p = TeamFixture.open(dir)) {
            assertFalse(new ReviewService(p).trainOnlyApproved(), "one person: no gate");
        }
        try (Project p = team(dir.resolve("team")); ModelSession model = new ModelSession(p)) {
            ReviewService review = new ReviewService(p);
            assertTrue(review.trainOnlyApproved(), "a team: gate on");
            review.approve(6, "bob", null);
            review.approve(1, "bob", null);
            review.reject(3, "bob", "look again");
            assertEquals(Set.of(6L, 1L), review.trainingGate().orElseThrow());
            Pool pool = Pool.load(p, model.hash());
            TrainingService training = new TrainingService(p);
            assertEquals(2, training.labelledSet(pool).data().x().length, "approved labels only");
            assertThrows(QuerentException.class, () -> review.setTrainOnlyApproved(false, "bob"));
            review.setTrainOnlyApproved(false, "lena");
            assertEquals(5, training.labelledSet(pool).data().x().length, "every current label: 6, 4, 1, 8, 7");
        }
    }
}
