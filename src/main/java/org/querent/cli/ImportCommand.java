package org.querent.cli;

import java.util.concurrent.Callable;

import org.querent.ingest.QuarantinedItem;
import org.querent.project.Project;
import org.querent.session.ImportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent import: scans the dataset folder. */
@Command(name = "import", description = "Scan the dataset folder: add new files, notice changed and removed ones, "
        + "quarantine unreadable ones.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--labels-from-folders", description = "Take DIR/<label>/<file> as labels for unlabelled items.")
    boolean labelsFromFolders;

    @Override
    public Integer call() {
        try (Interrupts interrupts = Interrupts.install(); Project p = project.open()) {
            ImportService.Report report = new ImportService(p).run(labelsFromFolders, new StderrProgress("import"),
                    interrupts.cancellation());
            spec.commandLine().getOut().println(report.summary());
            for (QuarantinedItem q : report.quarantined()) {
                spec.commandLine().getOut().printf("  quarantined %s: %s%n", q.key(), q.reason());
            }
        }
        return 0;
    }

}
