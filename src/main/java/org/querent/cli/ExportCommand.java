package org.querent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.ExportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent export: writes the current labels. */
@Command(name = "export", description = "Export one row per labelled item (label, annotator, time, accepted or corrected, "
        + "model version and strategy that selected it).")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--format", required = true, paramLabel = "csv|jsonl|audit|events",
            description = "csv or jsonl (one row per labelled item), audit (CSV, one row per decision event and taxonomy "
                    + "version), or events (the file's content in a canonical order, to compare copies).")
    ExportService.Format format;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
    Path out;

    @Override
    public Integer call() {
        try (Project p = project.openReader()) {
            int rows = new ExportService(p).export(format, out);
            spec.commandLine().getOut().printf(format == ExportService.Format.AUDIT || format == ExportService.Format.EVENTS
                    ? "wrote %d events to %s%n"
                    : "wrote %d labelled items to %s%n", rows, out);
            if (rows == 0 && format != ExportService.Format.AUDIT && format != ExportService.Format.EVENTS) {
                spec.commandLine().getErr().println("note: nothing is labelled yet, so the file holds no rows: label"
                        + " items with 'querent label' (or the workstation) first");
            }
        }
        return 0;
    }
}
