package org.querent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.DataFolderCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent relocate: re-points a project at its dataset folder after the folder moved. */
@Command(name = "relocate", description = "Point the project at its dataset folder after the folder moved.")
final class RelocateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Parameters(index = "1", paramLabel = "DIR", description = "The dataset folder's new place.")
    Path folder;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            DataFolderCheck.requireHoldsKnownFiles(p, folder);
            p.relocateData(folder);
            spec.commandLine().getOut().printf("dataset folder is now %s%n", p.dataRoot());
        }
        return 0;
    }
}
