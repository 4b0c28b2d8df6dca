package org.querent.cli;

import java.util.concurrent.Callable;

import org.querent.common.QuerentException;
import org.querent.ingest.QuarantinedItem;
import org.querent.ingest.ScanOptions;
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
    @Option(names = "--quarantine-silent", description = "Quarantine audio clips whose loudest sample is under -60 dBFS "
            + "(files read in this import).")
    boolean quarantineSilent;

    @Override
    public Integer call() {
        try (Interrupts interrupts = Interrupts.install(); Project p = project.open()) {
            ImportService.Report report = new ImportService(p).run(labelsFromFolders,
                    ScanOptions.defaults().withQuarantineSilent(quarantineSilent), new StderrProgress("import"),
                    interrupts.cancellation());
            warnUnreadableFolders(report, spec.commandLine().getErr());
            spec.commandLine().getOut().println(report.summary());
            for (QuarantinedItem q : report.quarantined()) {
                spec.commandLine().getOut().printf("  quarantined %s: %s%n", q.key(), q.reason());
            }
            if (report.added() + report.changed() + report.unchanged() + report.quarantinedNow() == 0
                    && report.scan().unreadableFolders().isEmpty()) {
                throw QuerentException.notFound("found no files Querent reads in " + p.dataRoot() + " (texts .txt .md,"
                        + " images .png .jpg .bmp .gif, tables .csv .jsonl, audio .wav .flac .mp3 .ogg): add some, or point"
                        + " the project at the right folder with 'querent relocate'");
            }
        }
        return 0;
    }

    /** A folder that cannot be listed is never skipped without a word: one warning line each. */
    static void warnUnreadableFolders(ImportService.Report report, java.io.PrintWriter err) {
        for (QuarantinedItem folder : report.scan().unreadableFolders()) {
            err.printf("warning: %s skipped: %s (give read access to it and import again)%n", folder.key(),
                    folder.reason());
        }
        err.flush();
    }

}
