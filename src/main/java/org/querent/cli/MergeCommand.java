package org.querent.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.store.MergeRepository.Added;
import org.querent.team.MergeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent merge PROJECT COPY...: brings back decisions made in colleagues' copies of the project. */
@Command(name = "merge", description = "Bring back the decisions made in colleagues' work packages or copies of this "
        + "project (matched by global id: merging twice adds nothing, nobody's decision is overwritten, any order gives "
        + "the same content). A lead does this.")
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Parameters(index = "1..*", paramLabel = "COPY", description = "A colleague's work package ('querent pack') or copy of the project (.querent).")
    List<Path> copies;
    @Option(names = "--annotator", paramLabel = "NAME", description = "The lead (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            MergeService merge = new MergeService(p);
            for (Path copy : copies) {
                Added added = merge.merge(copy, Annotators.resolve(annotator));
                spec.commandLine().getOut().printf("%s: %d new decision(s), %d role change(s)%s%n", copy.getFileName(),
                        added.decisions(), added.roles(), added.rounds() + added.heads() == 0 ? ""
                                : String.format(", %d round(s) and %d model version(s) they point at", added.rounds(),
                                added.heads()));
            }
        }
        return 0;
    }
}
