package org.querent.team;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.GuidelineRepository.Guideline;
import org.querent.store.ReviewItem;
import org.querent.store.ReviewRepository;
import org.querent.store.TeamDecisionRepository;
import org.querent.store.TeamDecisionRepository.TeamEvent;

/**
 * Review of others' labels and the gate before retraining. A reviewer approves, changes or rejects a current
 * label with a reason; each is a review decision referring to the label's uid (a change also appends the
 * reviewer's label, origin "review"; a rejected label stops counting, so its item goes back to the queue).
 * With "train only on approved labels" on, training learns only from approved labels: off by default for a
 * single person, on by default once the project has people; a lead can set it either way.
 */
public final class ReviewService {
    /** The project setting, in meta: true, false, or absent (then: on for a team). */
    public static final String GATE_KEY = "train_only_approved";
    public static final String REVIEW_ORIGIN = "review";

    private final Project project;
    private final PeopleService people;
    private final ReviewRepository reviews;
    private final TeamDecisionRepository events;

    public ReviewService(Project project) {
        this.project = project;
        this.people = new PeopleService(project);
        this.reviews = new ReviewRepository(project.database());
        this.events = new TeamDecisionRepository(project.database(), project.clock());
    }

    public enum Verdict { APPROVE, CHANGE, REJECT }

    /**
     * What the review queue shows. Null texts match all; each flag narrows the queue (together: all must hold).
     *
     * @param lowAgreementBelow null: no agreement filter; else only items two or more annotators labelled whose
     *                          share of agreeing pairs is below it ({@link AgreementService#LOW_AGREEMENT_BELOW}:
     *                          any disagreement)
     * @param flagged           only items with a flag in force, by anyone, before or after the label
     * @param escalated         only items with an escalation in force, open or resolved
     */
    public record QueueFilter(String annotator, String label, String source, boolean correctedOnly,
                              Double lowAgreementBelow, boolean flagged, boolean escalated) {
        public static final QueueFilter ALL = new QueueFilter(null, null, null, false, null, false, false);
    }

    /** The reviewer's queue: labels by others not yet reviewed, newest first; null filters match all. */
    public List<ReviewItem> queue(String reviewer, String annotator, String label, String source, boolean correctedOnly,
                                  int limit) {
        return queue(reviewer, new QueueFilter(annotator, label, source, correctedOnly, null, false, false), limit);
    }

    /** The reviewer's queue with every filter. */
    public List<ReviewItem> queue(String reviewer, QueueFilter f, int limit) {
        people.require(reviewer, Permission.REVIEW);
        Set<Long> among = f.lowAgreementBelow() == null ? null
                : new AgreementService(project).lowAgreementItems(f.lowAgreementBelow());
        return reviews.queue(new ReviewRepository.Filter(reviewer, f.annotator(), f.label(), f.source(),
                f.correctedOnly(), f.flagged(), f.escalated(), among), limit);
    }

    public void approve(long itemId, String reviewer, String note) {
        ReviewItem item = reviewable(itemId, reviewer);
        events.append(new TeamEvent(item.itemId(), "review", null, reviewer, blankToNull(note), "annotator",
                "approve", item.uid(), guidelineVersion()));
    }

    /** Replaces the label with the reviewer's, with a reason; the old label stays in the history. */
    public void change(long itemId, List<String> labels, String reviewer, String reason) {
        ReviewItem item = reviewable(itemId, reviewer);
        List<String> clean = LabelChoice.validate(project, labels);
        String why = requireReason(reason, "a change");
        if (clean.equals(item.labels())) {
            throw QuerentException.usage("item " + itemId + " already reads " + String.join(",", clean)
                    + ": approve it instead");
        }
        events.appendAll(List.of(
                new TeamEvent(item.itemId(), "review", null, reviewer, why, "annotator", "change", item.uid(),
                        guidelineVersion()),
                new TeamEvent(item.itemId(), "label", clean, reviewer, why, REVIEW_ORIGIN, null, item.uid(),
                        guidelineVersion())));
    }

    /** Rejects the label with a reason: it stops counting and the item goes back to the queue. */
    public void reject(long itemId, String reviewer, String reason) {
        ReviewItem item = reviewable(itemId, reviewer);
        events.append(new TeamEvent(item.itemId(), "review", null, reviewer, requireReason(reason, "a rejection"),
                "annotator", "reject", item.uid(), guidelineVersion()));
    }

    /** True when training learns only from approved labels. */
    public boolean trainOnlyApproved() {
        Optional<String> set = project.meta().get(GATE_KEY);
        return set.map(Boolean::parseBoolean).orElseGet(people::isTeam);
    }

    public void setTrainOnlyApproved(boolean on, String actor) {
        people.require(actor, Permission.CHANGE_SETTINGS);
        project.meta().put(GATE_KEY, Boolean.toString(on));
    }

    /** Items training may learn from when the gate is on; empty when it is off (no restriction). */
    public Optional<Set<Long>> trainingGate() {
        return trainOnlyApproved() ? Optional.of(reviews.approvedItems()) : Optional.empty();
    }

    /** Current labels not approved yet. */
    public int waitingForReview() {
        return reviews.countWaiting();
    }

    private ReviewItem reviewable(long itemId, String reviewer) {
        people.require(reviewer, Permission.REVIEW);
        ReviewItem item = reviews.currentOf(itemId).orElseThrow(() -> QuerentException.usage("item " + itemId
                + " has no current label to review: see 'querent review " + project.file().getFileName() + "'"));
        if (item.annotator().equals(reviewer) && people.isTeam()) {
            throw QuerentException.usage("item " + itemId + " was labelled by " + reviewer
                    + ": a label is reviewed by someone else");
        }
        if (reviews.isReviewed(item.uid())) {
            throw QuerentException.usage("the label of item " + itemId + " is already reviewed");
        }
        if (ReviewRepository.APPROVED_ORIGINS.contains(item.origin())) {
            throw QuerentException.usage("the label of item " + itemId + " came from " + item.origin()
                    + " and needs no review");
        }
        return item;
    }

    private static String requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw QuerentException.usage(what + " needs a reason (--reason \"...\"), so the annotator learns from it");
        }
        return reason.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Integer guidelineVersion() {
        return project.guidelines().current().map(Guideline::version).orElse(null);
    }
}
