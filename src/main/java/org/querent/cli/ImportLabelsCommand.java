package org.querent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.LabelImportService;
import org.querent.team.PeopleService;
import org.querent.team.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent import-labels: labels and predictions from CSV, Prodigy JSONL or a Label Studio export. */
@Command(name = "import-labels", description = "Import labels (or an external model's predictions) from a CSV "
        + "(path|item_key|text, label, annotator, time), a Prodigy JSONL or a Label Studio JSON export. Items are matched "
        + "by key, path, image name or text; a file with unmatched rows imports nothing unless --skip-unmatched; "
        + "importing the same rows again adds nothing.")
final class ImportLabelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Parameters(index = "1", paramLabel = "FILE", description = ".csv, .jsonl (Prodigy or Querent) or .json (Label Studio).")
    Path file;
    @Option(names = "--as-predictions", description = "Store the labels as an external model's pre-labels, not as decisions.")
    boolean asPredictions;
    @Option(names = "--model-version", paramLabel = "NAME",
            description = "The external model's name for --as-predictions rows that do not say (default: the annotator, or 'external').")
    String modelVersion;
    @Option(names = "--skip-unmatched", description = "Import the rows that match even when others match no item or label.")
    boolean skipUnmatched;
    @Option(names = "--dry-run", description = "Match and count, write nothing (a preview).")
    boolean dryRun;
    @Option(names = "--annotator", paramLabel = "NAME",
            description = "Who runs the import, and the annotator of rows that name none (default: $QUERENT_ANNOTATOR, then the user name).")
    String annotator;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            String who = Annotators.resolve(annotator);
            // bringing in other people's labels is a lead's call in a team project, as merging is
            new PeopleService(p).require(who, Permission.IMPORT_LABELS);
            LabelImportService.Report r = new LabelImportService(p).importFile(file, asPredictions, modelVersion, who,
                    skipUnmatched, dryRun);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s%s: %d rows (%s); %d labels and %d predictions %s; %d imported before%n", dryRun ? "preview of "
                    : "", file.getFileName(), r.rows(), r.format(), r.labelsAdded(), r.predictionsAdded(),
                    dryRun ? "would be added" : "added", r.already());
            if (!r.unmatched().isEmpty()) {
                spec.commandLine().getErr().printf("%s %d unmatched rows: %s%n", dryRun ? "note:" : "skipped",
                        r.unmatched().size(), r.unmatched().stream().limit(20)
                                .map(u -> r.unit() + " " + u.line() + ": " + u.reason()).reduce((a, b) -> a + "; " + b).orElse(""));
            }
            if (!r.skipped().isEmpty()) {
                spec.commandLine().getErr().printf("note: %d rows hold no label to import (e.g. %s %d: %s)%n",
                        r.skipped().size(), r.unit(), r.skipped().get(0).line(), r.skipped().get(0).reason());
            }
        }
        return 0;
    }
}
