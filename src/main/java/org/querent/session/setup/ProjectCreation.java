package org.querent.session.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.querent.common.Cancellation;
import org.querent.common.ErrorKind;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.session.ImportService;
import org.querent.session.ModelCheck;

/**
 * Carries out a {@link ProjectPlan} (slow: runs on the LONG lane): writes the model.json and the guideline,
 * creates the project, imports the dataset, closes the project. If any step fails, the files this creation made
 * are removed again, so the user can fix the cause and press Finish once more with nothing in the way.
 */
public final class ProjectCreation {
    private final ProjectService projects;

    /** Creation over the real clock. */
    public ProjectCreation() {
        this(new ProjectService(java.time.Clock.systemUTC()));
    }

    public ProjectCreation(ProjectService projects) {
        this.projects = projects;
    }

    /** What a finished creation reports. */
    public record Created(Path projectFile, ImportService.Report report) {
    }

    public Created create(ProjectPlan plan, ProgressListener progress, Cancellation cancel) {
        if (Files.exists(plan.projectFile())) {
            throw QuerentException.usage("A file already exists at " + plan.projectFile()
                    + ": choose another project name on the first page.");
        }
        List<Path> made = new ArrayList<>();
        try {
            if (plan.manifest() != null) {
                plan.manifest().write(plan.manifestFile()); // kept on failure: it describes the model, not the project
                // The check init makes, now that the manifest is on disk: a tokenizer named in the form must exist.
                ModelCheck.requireLoadable(plan.modelReference(), plan.manifestFile().toAbsolutePath().getParent());
            }
            Path guideline = writeGuideline(plan, made);
            ImportService.Report report;
            Project project = projects.create(new ProjectService.NewProject(plan.projectFile(), plan.dataRoot(),
                    plan.modelReference(), plan.labels(), plan.multiLabel(), guideline));
            made.add(plan.projectFile()); // only now: a failed create must not remove a file someone else made
            try (project) {
                report = new ImportService(project).run(plan.labelsFromFolders(), progress, cancel);
            }
            return new Created(plan.projectFile(), report);
        } catch (RuntimeException e) {
            removeQuietly(made);
            throw e;
        }
    }

    /** Writes {@code <name>-guideline.md} beside the project (or the first free variant); null when blank. */
    private static Path writeGuideline(ProjectPlan plan, List<Path> made) {
        if (plan.guideline().isBlank()) {
            return null;
        }
        String stem = plan.projectFile().getFileName().toString().replaceFirst("\\.querent$", "");
        Path file = plan.projectFile().resolveSibling(stem + "-guideline.md");
        for (int n = 2; Files.exists(file); n++) {
            file = plan.projectFile().resolveSibling(stem + "-guideline-" + n + ".md"); // never overwrite a user's file
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, plan.guideline(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "Cannot write the guideline " + file + ": " + e.getMessage()
                    + ". Check free space and that you may write in " + file.getParent() + ".", e);
        }
        made.add(file);
        return file;
    }

    /** Removes a half-made project: its file, SQLite's side files and the lock file. */
    private static void removeQuietly(List<Path> made) {
        for (Path file : made) {
            for (String suffix : List.of("", "-wal", "-shm", "-journal", ".lock")) {
                try {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                } catch (IOException ignored) {
                    // The original failure is the one worth showing; a leftover file is visible to the user.
                }
            }
        }
    }
}
