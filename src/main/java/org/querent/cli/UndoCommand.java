package org.querent.cli;

import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.LabellingService;
import org.querent.store.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent undo: reverts an annotator's last decision. */
@Command(name = "undo", description = "Revert the annotator's last decision (the history keeps both).")
final class UndoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--annotator", paramLabel = "NAME", description = "Whose decision (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            Decision undone = new LabellingService(p).undo(Annotators.resolve(annotator));
            spec.commandLine().getOut().printf("undid %s of item %d%s%n", undone.kind(), undone.itemId(),
                    undone.labels().isEmpty() ? "" : " (" + String.join(",", undone.labels()) + ")");
        }
        return 0;
    }
}
