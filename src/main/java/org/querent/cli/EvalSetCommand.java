package org.querent.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.EvaluationService;
import org.querent.store.ItemRecord;
import org.querent.team.PeopleService;
import org.querent.team.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent eval-set: draws (or grows) the evaluation set and lists the items waiting for a label. */
@Command(name = "eval-set", description = "Draw the evaluation set (a uniform random sample of the unlabelled items, "
        + "never trained on; every new model version is compared with the version in use on it), or grow it to --size; "
        + "lists its items that still wait for a label (ITEM<TAB>PATH: label them with 'querent label').")
final class EvalSetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--size", paramLabel = "N", description = "Grow the set to N items (it never shrinks).")
    Integer size;
    @Option(names = "--annotator", paramLabel = "LEAD", description = "Who draws the set (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;
    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        try (Project p = size == null ? project.openReader() : project.open()) {
            if (size != null) {
                // which items judge every model version is a lead's call in a team project
                new PeopleService(p).require(Annotators.resolve(annotator), Permission.PROMOTE);
            }
            EvaluationService evaluation = new EvaluationService(p);
            PrintWriter out = spec.commandLine().getOut();
            int added = size == null ? 0 : evaluation.grow(size, seed + evaluation.evalItems().size());
            EvaluationService.EvalSet set = evaluation.evalSet();
            if (set.size() == 0) {
                spec.commandLine().getErr().println("note: the project has no evaluation set yet: draw one with"
                        + " 'querent eval-set " + p.file().getFileName() + " --size 200'");
                return 0;
            }
            spec.commandLine().getErr().printf("evaluation set: %d items%s, %d labelled, %d wait for a label%s%n",
                    set.size(), size == null ? "" : " (" + added + " added)", set.labelled(), set.waiting().size(),
                    size != null && set.size() < size ? "; fewer than asked: no more unlabelled items" : "");
            for (ItemRecord item : set.waiting()) {
                out.printf("%d\t%s%n", item.id(), QueueCommand.tsvField(item.key()));
            }
        }
        return 0;
    }
}
