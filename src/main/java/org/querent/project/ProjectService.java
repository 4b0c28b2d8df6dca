package org.querent.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.store.Database;
import org.querent.store.LabelDefinition;
import org.querent.store.TaxonomyVersionRepository;

/** Creates and opens projects. */
public final class ProjectService {
    private final Clock clock;

    public ProjectService(Clock clock) {
        this.clock = clock;
    }

    /** What a new project needs. */
    public record NewProject(Path file, Path dataRoot, String model, List<LabelDefinition> labels, boolean multiLabel,
                             Path guideline) {
    }

    public Project create(NewProject spec) {
        if (!Files.isDirectory(spec.dataRoot())) {
            throw QuerentException.notFound("dataset folder not found: " + spec.dataRoot().toAbsolutePath()
                    + " (give the folder that holds your images or texts)");
        }
        validateLabels(spec.labels());
        String guidelineText = spec.guideline() == null ? null : readGuideline(spec.guideline());
        Database db = Database.open(spec.file(), true);
        Project project = new Project(db, clock);
        try {
            db.write(c -> {
                project.meta().put(Project.DATA_ROOT, relativeToFolder(project.folder(), spec.dataRoot()));
                project.meta().put(Project.MODEL, modelReference(project.folder(), spec.model()));
                project.meta().put(Project.MULTI_LABEL, Boolean.toString(spec.multiLabel()));
                project.settingsChanged();
                project.meta().put("created_at", org.querent.store.Timestamps.now(clock));
                project.taxonomy().replace(spec.labels());
                new TaxonomyVersionRepository(db, clock).publishInitial(System.getProperty("user.name", "unknown"),
                        "taxonomy at project creation");
                if (guidelineText != null) {
                    project.guidelines().publish(guidelineText, spec.guideline().getFileName().toString());
                }
                return null;
            });
            return project;
        } catch (RuntimeException e) {
            project.close();
            try {
                Files.deleteIfExists(spec.file());
            } catch (IOException ignored) {
                // The half-made file is harmless; the original error is the one to show.
            }
            throw e;
        }
    }

    public Project open(Path file) {
        return new Project(Database.open(file, false), clock);
    }

    /** Opens for writing, waiting up to {@code wait} for another process to close it. */
    public Project open(Path file, java.time.Duration wait, Runnable onWait) {
        return new Project(Database.open(file, wait, onWait), clock);
    }

    /** Opens to read only: beside a writer in another process, or on a read-only file or mount. */
    public Project openReader(Path file) {
        return new Project(Database.openReader(file), clock);
    }

    /** Publishes a new guideline version from a file; returns the version number. */
    public int publishGuideline(Project project, Path file) {
        return project.guidelines().publish(readGuideline(file), file.getFileName().toString());
    }

    static void validateLabels(List<LabelDefinition> labels) {
        if (labels.size() < 2) {
            throw QuerentException.usage("a taxonomy needs at least two labels, got " + labels.size()
                    + ": pass them as --labels A,B[,C...]");
        }
        Set<String> seen = new HashSet<>();
        for (LabelDefinition label : labels) {
            String name = label.name();
            if (name == null || name.isBlank()) {
                throw QuerentException.usage("a label name is empty: remove the extra comma in --labels");
            }
            if (name.contains(",")) {
                throw QuerentException.usage("label '" + name + "' contains a comma: commas separate labels");
            }
            if (!seen.add(name)) {
                throw QuerentException.usage("label '" + name + "' is given twice: each label must be unique");
            }
        }
    }

    private static String readGuideline(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw QuerentException.usage("the guideline " + file + " is empty: write the guideline in it first");
            }
            return text;
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "cannot read the guideline " + file
                    + ": give a readable UTF-8 text or Markdown file", e);
        }
    }

    /** Stores a path relative to the project folder when it lies below or beside it, so the pair can move together. */
    static String relativeToFolder(Path projectFolder, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            return projectFolder.toAbsolutePath().normalize().relativize(absolute).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return absolute.toString(); // another drive on Windows
        }
    }

    private static String modelReference(Path projectFolder, String model) {
        if (model == null || model.isBlank()) {
            return "builtin:minilm";
        }
        if (model.startsWith("builtin:")) {
            return model;
        }
        Path path = Path.of(model);
        if (!Files.exists(path)) {
            throw QuerentException.notFound("model not found: " + path.toAbsolutePath()
                    + " (give builtin:minilm, a model.json, or an .onnx file with model.json beside it)");
        }
        return relativeToFolder(projectFolder, path);
    }
}
