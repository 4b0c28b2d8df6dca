package org.querent.cli;

import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.EvaluationService;
import org.querent.session.ModelSession;
import org.querent.session.Pool;
import org.querent.store.EvaluationRepository.Promotion;
import org.querent.team.PeopleService;
import org.querent.team.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent rollback: a lead returns to the version in use before the current one. */
@Command(name = "rollback", description = "Return to the model version that was in use before the current one (a lead's"
        + " call, recorded with its figures).")
final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded).")
    String reason;
    @Option(names = "--annotator", paramLabel = "LEAD", description = "The lead (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;

    @Override
    public Integer call() {
        try (Project p = project.open(); ModelSession models = new ModelSession(p)) {
            String who = Annotators.resolve(annotator);
            new PeopleService(p).require(who, Permission.PROMOTE);
            String hash = models.hash();
            Promotion done = new EvaluationService(p).rollback(hash, who, reason, Pool.load(p, hash));
            spec.commandLine().getOut().printf("v%d is in use again (was v%d)%n", done.version(), done.previous());
        }
        return 0;
    }
}
