package org.querent.cli;

import java.util.concurrent.Callable;

import org.querent.learn.Evaluation;
import org.querent.learn.TrainSettings;
import org.querent.learn.pool.HeadKind;
import org.querent.project.Project;
import org.querent.session.ModelSession;
import org.querent.session.Pool;
import org.querent.session.TrainingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent train: trains a new head version on the current labels. */
@Command(name = "train", description = "Train the classifier head on the current labels (warm-started from the last "
        + "version) and store it as a new model version.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--c", paramLabel = "C", description = "Inverse L2 strength (default: chosen by cross-validation "
            + "on the labels from 0.1, 1, 10, 100, again as the labels grow).")
    Double c;
    @Option(names = "--head", paramLabel = "HEAD", description = "Head to train, kept as the project's setting for "
            + "later trainings: supervised, spreading, self-training or auto (default: the project's setting, "
            + "supervised until set).")
    String head;

    @Override
    public Integer call() {
        try (Interrupts interrupts = Interrupts.install(); Project p = project.open(); ModelSession model = new ModelSession(p)) {
            HeadKind requested = head == null ? TrainingService.headOf(p) : HeadKind.byName(head);
            Pool pool = Pool.load(p, model.hash());
            if (head != null) {
                TrainingService.setHead(p, requested);
            }
            if (c != null && !(c > 0 && Double.isFinite(c))) {
                throw org.querent.common.QuerentException.usage("--c must be a positive number, e.g. 10: received " + c);
            }
            TrainingService.Trained t = new TrainingService(p).train(pool, TrainSettings.defaults(), requested, c,
                    interrupts.cancellation());
            Evaluation heldOut = t.report().heldOut();
            spec.commandLine().getOut().printf("model version %d: %d labels, %d iterations, %d ms%s%s%n", t.version(),
                    t.labels(), t.report().iterations(), t.report().millis(),
                    heldOut == null ? "; too few labels for a held-out estimate"
                            : String.format("; held-out accuracy %.3f, macro-F1 %.3f (%d-fold)", heldOut.accuracy(),
                            heldOut.macroF1(), TrainingService.FOLDS),
                    t.skippedUnscored() > 0 ? "; " + t.skippedUnscored() + " labelled items not scored yet (run score)" : "");
            spec.commandLine().getOut().printf("head: %s (%s)%n", t.head().id(), t.headReason());
            spec.commandLine().getOut().printf("L2: %s%n", t.regularisation().how());
            if (t.gate() != null) {
                spec.commandLine().getOut().printf(t.gate().promoted() ? "gate: v%d promoted (%s)%n"
                        : "gate: v%d stays a candidate, v" + t.gate().previous() + " stays in use (%s)%n", t.version(),
                        t.gate().reason());
            }
            if (t.calibration() != null) {
                spec.commandLine().getOut().printf("calibrated: temperature %.2f, expected calibration error %.3f -> %.3f "
                        + "on held-out labels%n", t.calibration().temperature(), t.calibration().eceBefore(),
                        t.calibration().eceAfter());
            } else if (t.calibrationSkipped() != null) {
                spec.commandLine().getOut().printf("not calibrated (temperature 1): %s%n", t.calibrationSkipped());
            }
        }
        return 0;
    }
}
