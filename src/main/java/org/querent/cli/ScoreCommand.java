package org.querent.cli;

import java.util.concurrent.Callable;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.session.ModelSession;
import org.querent.session.ScoringService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent score: embeds every item not yet embedded. */
@Command(name = "score", description = "Run the model over every item not yet scored. Safe to interrupt: "
        + "run it again to continue where it stopped.")
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N", description = "Items per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        try (Interrupts interrupts = Interrupts.install(); Project p = project.open(); ModelSession model = new ModelSession(p)) {
            ScoringService.Report r = new ScoringService(p, model).score(Math.max(1, batchSize), new StderrProgress("score"),
                    interrupts.cancellation());
            if (r.cancelled()) {
                spec.commandLine().getOut().printf("stopped after %d items; run 'querent score' again to continue%n", r.scored());
                return 130;
            }
            spec.commandLine().getOut().printf("scored %d items in %.1f s (%.0f items/s); %d were scored before%s%n",
                    r.scored(), r.millis() / 1000.0, r.itemsPerSecond(), r.alreadyScored(),
                    r.quarantined() > 0 ? "; " + r.quarantined() + " quarantined (the model could not read them)" : "");
            if (r.scored() == 0 && r.alreadyScored() == 0 && r.quarantined() == 0) {
                throw QuerentException.notFound("nothing to score: the project has no items; run 'querent import "
                        + project.file + "' first (and check that its dataset folder holds texts or images)");
            }
            if (r.scored() == 0 && r.quarantined() > 0) {
                throw QuerentException.model("the model read none of the " + r.quarantined() + " items it was given:"
                        + " see the reasons with 'querent status'; the model may be of the wrong kind for this data");
            }
        }
        return 0;
    }
}
