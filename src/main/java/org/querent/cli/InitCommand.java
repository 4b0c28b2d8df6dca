package org.querent.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.ImportService;
import org.querent.session.ModelCheck;
import org.querent.ingest.DatasetKinds;
import org.querent.common.ItemKind;
import org.querent.store.LabelDefinition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent init: creates a project file. */
@Command(name = "init", description = "Create a project file for a dataset folder, a model and a taxonomy.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file to create, e.g. emails.querent.")
    Path file;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset folder.")
    Path data;

    @Option(names = "--model", defaultValue = "builtin:minilm", paramLabel = "MODEL",
            description = "builtin:minilm, a model.json, or an .onnx with model.json beside it (default: ${DEFAULT-VALUE}).")
    String model;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    LabelSource labelSource;

    static final class LabelSource {
        @Option(names = "--labels", split = ",", paramLabel = "L1,L2,...",
                description = "The labels. Add a description with NAME=description.")
        List<String> labels;

        @Option(names = "--labels-file", paramLabel = "FILE",
                description = "One label per line, NAME or NAME=description (lines starting with # are skipped).")
        Path file;
    }

    @Option(names = "--multi-label", description = "An item may carry several labels.")
    boolean multiLabel;

    @Option(names = "--labels-from-folders", description = "Import now and take DIR/<label>/<file> as existing labels.")
    boolean labelsFromFolders;

    @Option(names = "--guideline", paramLabel = "FILE", description = "The labelling guideline (text or Markdown).")
    Path guideline;

    private List<String> labelLines() {
        if (labelSource == null) {
            if (!labelsFromFolders) {
                throw QuerentException.usage("give the labels: --labels L1,L2,..., --labels-file FILE, or"
                        + " --labels-from-folders to take the class sub-folder names");
            }
            List<String> folders = DatasetKinds.of(data).classFolders();
            if (folders.size() < 2) {
                throw QuerentException.usage("--labels-from-folders found " + folders.size() + " class sub-folders"
                        + " in " + data + " (DIR/<label>/<file> needs at least two): give --labels instead");
            }
            return folders;
        }
        if (labelSource.labels != null) {
            return labelSource.labels;
        }
        try {
            return Files.readAllLines(labelSource.file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw QuerentException.notFound("cannot read the labels file " + labelSource.file + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        if (!java.nio.file.Files.isDirectory(data)) {
            throw QuerentException.notFound("dataset folder not found: " + data.toAbsolutePath()
                    + " (give the folder that holds your images or texts)");
        }
        List<LabelDefinition> definitions = new ArrayList<>();
        for (String label : labelLines()) {
            int eq = label.indexOf('=');
            String name = (eq < 0 ? label : label.substring(0, eq)).trim();
            String description = eq < 0 ? "" : label.substring(eq + 1).trim();
            definitions.add(new LabelDefinition(name, description, null));
        }
        ItemKind modelKind = ModelCheck.requireLoadable(model, Path.of("").toAbsolutePath());
        DatasetKinds kinds = DatasetKinds.of(data);
        ModelCheck.requireReads(modelKind, model, kinds);
        if (kinds.count(ItemKind.TEXT) + kinds.count(ItemKind.IMAGE) + kinds.count(ItemKind.AUDIO) == 0) {
            spec.commandLine().getErr().println("warning: " + data + " holds no files Querent reads yet (texts, images,"
                    + " .csv or .jsonl tables, audio clips): 'querent import' will find nothing until you add some");
        }
        try (Project project = new ProjectService(Clock.systemUTC()).create(
                new NewProject(file, data, model, definitions, multiLabel, guideline))) {
            spec.commandLine().getOut().printf("created %s: %d labels, %s, model %s%n", project.file().getFileName(),
                    definitions.size(), multiLabel ? "multi-label" : "single-label", project.settings().model());
            if (labelsFromFolders) {
                ImportService.Report report = new ImportService(project).run(true, new StderrProgress("import"),
                        org.querent.common.Cancellation.none());
                ImportCommand.warnUnreadableFolders(report, spec.commandLine().getErr());
                spec.commandLine().getOut().println(report.summary());
            }
        }
        return 0;
    }
}
