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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent promote: a lead puts a model version in use by hand. */
@Command(name = "promote", description = "Put a model version in use by hand (a lead's call, recorded with its figures"
        + " on the evaluation set against the version it replaces).")
final class PromoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Parameters(index = "1", paramLabel = "VERSION", description = "The version, e.g. 4 or v4.")
    String version;
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded).")
    String reason;
    @Option(names = "--annotator", paramLabel = "LEAD", description = "The lead (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;

    @Override
    public Integer call() {
        int number;
        try {
            number = Integer.parseInt(version.startsWith("v") ? version.substring(1) : version);
        } catch (NumberFormatException e) {
            throw org.querent.common.QuerentException.usage("VERSION must be a number such as 4 or v4, got '" + version + "'");
        }
        try (Project p = project.open(); ModelSession models = new ModelSession(p)) {
            String who = Annotators.resolve(annotator);
            new PeopleService(p).require(who, Permission.PROMOTE);
            Promotion done = new EvaluationService(p).promote(number, who, reason, Pool.load(p, models.hash()));
            spec.commandLine().getOut().printf("v%d is in use%s%n", done.version(),
                    done.previous() == null ? "" : " (was v" + done.previous() + ")");
        }
        return 0;
    }
}
