package org.querent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.session.LabellingService;
import org.querent.store.ReviewItem;
import org.querent.team.AgreementService;
import org.querent.team.ReviewService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent review PROJECT [filters] | approve | change | reject | gate: the review queue and the training gate. */
@Command(name = "review", description = "Show the review queue (labels by others not yet reviewed, newest first), "
        + "approve, change or reject a label with a reason, or turn 'train only on approved labels' on or off.",
        subcommands = {ReviewCommand.Approve.class, ReviewCommand.Change.class, ReviewCommand.Reject.class,
                ReviewCommand.Gate.class})
final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.querent).")
    Path file;
    @Option(names = "--annotator", paramLabel = "NAME", description = "The reviewer (default: $QUERENT_ANNOTATOR or the user name).")
    String reviewer;
    @Option(names = "--by", paramLabel = "NAME", description = "Only labels by this annotator.")
    String by;
    @Option(names = "--label", paramLabel = "LABEL", description = "Only items with this label.")
    String label;
    @Option(names = "--source", paramLabel = "FOLDER", description = "Only items of this source folder.")
    String source;
    @Option(names = "--corrected", description = "Only labels that corrected the pre-label.")
    boolean corrected;
    @Option(names = "--low-agreement", description = "Only items two or more annotators labelled who do not all agree.")
    boolean lowAgreement;
    @Option(names = "--agreement-below", paramLabel = "F", description = "Only items whose share of agreeing "
            + "annotator pairs is below F (0 < F <= 1; 1 is the same as --low-agreement).")
    Double agreementBelow;
    @Option(names = "--flagged", description = "Only items someone flagged (a flag not undone, before or after the label).")
    boolean flagged;
    @Option(names = "--escalated", description = "Only items someone escalated (open or resolved).")
    boolean escalated;
    @Option(names = "--size", defaultValue = "50", paramLabel = "N", description = "How many (default: ${DEFAULT-VALUE}).")
    int size;

    Project open() {
        return new ProjectService(Clock.systemUTC()).open(file);
    }

    @Override
    public Integer call() {
        try (Project p = new ProjectService(Clock.systemUTC()).openReader(file)) {
            ReviewService review = new ReviewService(p);
            Double below = agreementBelow != null ? agreementBelow
                    : lowAgreement ? AgreementService.LOW_AGREEMENT_BELOW : null;
            List<ReviewItem> queue = review.queue(Annotators.resolve(reviewer), new ReviewService.QueueFilter(by, label,
                    source, corrected, below, flagged, escalated), size);
            PrintWriter out = spec.commandLine().getOut();
            if (queue.isEmpty()) {
                out.println("nothing to review");
                return 0;
            }
            out.println("item_id\tpath\tlabels\tannotator\tdecided_at\tpre_label\tdecision");
            for (ReviewItem r : queue) {
                out.printf("%d\t%s\t%s\t%s\t%s\t%s\t%s%n", r.itemId(), r.itemKey(), String.join(",", r.labels()),
                        r.annotator(), r.decidedAt(), r.preLabel() == null ? "" : r.preLabel(),
                        r.accepted() == null ? "" : r.accepted() ? "accepted" : "corrected");
            }
        }
        return 0;
    }

    /** Opens the project, finds the item and applies one verdict. */
    abstract static class Verdict implements Callable<Integer> {
        @ParentCommand
        ReviewCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ITEM", description = "Item id, or its path relative to the dataset folder.")
        String item;
        @Option(names = "--annotator", paramLabel = "NAME", description = "The reviewer (default: $QUERENT_ANNOTATOR or the user name).")
        String reviewer;

        abstract String apply(ReviewService review, long itemId, String reviewer);

        @Override
        public Integer call() {
            try (Project p = parent.open()) {
                long id = new LabellingService(p).findItem(item).id();
                spec.commandLine().getOut().printf("item %d %s%n", id, apply(new ReviewService(p), id,
                        Annotators.resolve(reviewer)));
            }
            return 0;
        }
    }

    @Command(name = "approve", description = "Approve the item's current label.")
    static final class Approve extends Verdict {
        @Option(names = "--note", paramLabel = "TEXT", description = "An optional note.")
        String note;

        String apply(ReviewService review, long itemId, String reviewer) {
            review.approve(itemId, reviewer, note);
            return "approved";
        }
    }

    @Command(name = "change", description = "Replace the item's label with yours, with a reason.")
    static final class Change extends Verdict {
        @Parameters(index = "1", paramLabel = "LABEL[,LABEL...]", split = ",", description = "The label(s).")
        List<String> labels;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the annotator.")
        String reason;

        String apply(ReviewService review, long itemId, String reviewer) {
            review.change(itemId, labels, reviewer, reason);
            return "changed to " + String.join(",", labels);
        }
    }

    @Command(name = "reject", description = "Reject the item's label with a reason; the item goes back to the queue.")
    static final class Reject extends Verdict {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the annotator.")
        String reason;

        String apply(ReviewService review, long itemId, String reviewer) {
            review.reject(itemId, reviewer, reason);
            return "rejected: back in the queue";
        }
    }

    @Command(name = "gate", description = "Train only on approved labels: on or off (a lead does this).")
    static final class Gate implements Callable<Integer> {
        @ParentCommand
        ReviewCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "on|off")
        String state;
        @Option(names = "--annotator", paramLabel = "NAME", description = "The lead (default: $QUERENT_ANNOTATOR or the user name).")
        String lead;

        @Override
        public Integer call() {
            boolean on = switch (state.toLowerCase(java.util.Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw QuerentException.usage("say 'on' or 'off', got '" + state + "'");
            };
            try (Project p = parent.open()) {
                ReviewService review = new ReviewService(p);
                review.setTrainOnlyApproved(on, Annotators.resolve(lead));
                spec.commandLine().getOut().printf("train only on approved labels: %s (%d label(s) wait for review)%n",
                        on ? "on" : "off", review.waitingForReview());
            }
            return 0;
        }
    }
}
