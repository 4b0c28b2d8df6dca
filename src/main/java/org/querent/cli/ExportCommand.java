package org.querent.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.ExportService;
import org.querent.session.ModelSession;
import org.querent.session.Ranker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent export: writes the current labels. */
@Command(name = "export", description = "Export one row per labelled item (label, annotator, time, accepted or corrected, "
        + "model version and strategy that selected it), or tasks for Prodigy (JSONL for db-in) and Label Studio (JSON).")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--format", required = true, paramLabel = "csv|jsonl|prodigy|label-studio|audit|events",
            converter = FormatConverter.class,
            description = "csv or jsonl (one row per labelled item), prodigy (JSONL tasks, db-in), label-studio (JSON"
                    + " tasks with annotations and predictions), audit (CSV, one row per decision event and taxonomy"
                    + " version), or events (the file's content in a canonical order, to compare copies).")
    ExportService.Format format;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
    Path out;
    @Option(names = "--with-text", description = "Write each text item's text (Prodigy and Label Studio show it).")
    boolean withText;
    @Option(names = "--predictions", description = "Also write every scored item with the pre-label of the model version"
            + " in use (and of external models imported with import-labels --as-predictions).")
    boolean predictions;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ExportService.Format> {
        @Override
        public ExportService.Format convert(String value) {
            try {
                return ExportService.Format.byName(value);
            } catch (org.querent.common.QuerentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        // predictions may open the model, which registers it in the file: a writer then
        try (Project p = predictions ? project.open() : project.openReader(); ModelSession models = new ModelSession(p)) {
            Ranker.Ranked ranked = predictions ? new Ranker(p, models).predictPool() : null;
            ExportService service = new ExportService(p);
            boolean events = format == ExportService.Format.AUDIT || format == ExportService.Format.EVENTS;
            int rows = service.export(format, out, new ExportService.Options(withText, ranked));
            spec.commandLine().getOut().printf(events ? "wrote %d events to %s%n"
                    : predictions ? "wrote %d items to %s%n" : "wrote %d labelled items to %s%n", rows, out);
            if (format == ExportService.Format.LABEL_STUDIO) {
                Path config = out.resolveSibling(out.getFileName() + ".label-config.xml");
                Files.writeString(config, service.labelStudioConfig());
                spec.commandLine().getOut().printf("labelling config for Label Studio: %s%n", config);
            }
            if (rows == 0 && !events) {
                spec.commandLine().getErr().println("note: nothing is labelled yet, so the file holds no rows: label"
                        + " items with 'querent label' (or the workstation) first");
            }
        }
        return 0;
    }
}
