package org.querent.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.EmbeddingImportService;
import org.querent.session.ModelSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent import-embeddings: loads the Spark job's Parquet embeddings into a project. */
@Command(name = "import-embeddings", description = "Load embeddings computed elsewhere (Querent's Spark job writes "
        + "Parquet: item_key, content_hash, model_hash, dim, vector) into the project, as 'score' would store them. "
        + "The model hash must be the project's. All or nothing: an error or Ctrl+C leaves the project unchanged; "
        + "running it twice adds nothing.")
final class ImportEmbeddingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PARQUET",
            description = "Parquet files, or folders of them (a Spark output folder).")
    List<Path> files;

    @Override
    public Integer call() {
        try (Interrupts interrupts = Interrupts.install(); Project p = project.open(); ModelSession model = new ModelSession(p)) {
            EmbeddingImportService.Report r = new EmbeddingImportService(p, model).importFiles(files,
                    new StderrProgress("import-embeddings"), interrupts.cancellation());
            var out = spec.commandLine().getOut();
            if (r.cancelled()) {
                StderrProgress.closeLine();
                out.printf("stopped after reading %d rows; nothing was imported (one transaction); run the command"
                        + " again to import%n", r.rows());
                return 130;
            }
            out.printf("read %d rows from %d file%s in %.1f s (%.0f rows/s): %d embeddings stored, %d were stored"
                            + " already%n", r.rows(), r.files().size(), r.files().size() == 1 ? "" : "s",
                    r.millis() / 1000.0, r.rowsPerSecond(), r.stored(), r.alreadyStored());
            if (r.withoutItem() > 0) {
                out.printf("%d rows have content no item of this project has (first: %s); they were skipped. Import"
                        + " the items first ('querent import') if they belong here%n", r.withoutItem(),
                        String.join(", ", r.firstWithoutItem()));
            }
            if (r.withoutVector() > 0) {
                out.printf("%d rows have no vector (the job could not embed them); they were skipped%n",
                        r.withoutVector());
            }
            if (r.stillMissing() > 0) {
                out.printf("%d items of the project still have no embedding; 'querent score' embeds them here%n",
                        r.stillMissing());
            }
        }
        return 0;
    }
}
