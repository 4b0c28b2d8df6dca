package org.querent.session;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.store.GuidelineRepository.Guideline;
import org.querent.store.LabelDefinition;

/**
 * Opens a project file off the UI thread: takes the lock, checks the dataset folder and the model, imports
 * the folder the first time, and gathers what the screens need. Scoring is a separate, visible step.
 */
public final class ProjectOpener {
    private final ProjectService projects;

    public ProjectOpener(ProjectService projects) {
        this.projects = projects;
    }

    /** An opener over the real clock. */
    public ProjectOpener() {
        this(new ProjectService(Clock.systemUTC()));
    }

    /**
     * An opened project and what the UI must know before showing it.
     *
     * @param dataRoot        the dataset folder, or null when it is missing (see dataProblem)
     * @param dataProblem     why the dataset folder cannot be used, or null
     * @param modelProblem    why the model cannot be used (labelling may go on with stored embeddings), or null
     * @param unscored        items still waiting for the model
     */
    public record Opened(OpenProject project, Path dataRoot, String dataProblem, String modelProblem, int unscored,
                         List<LabelDefinition> taxonomy, String guideline) {
    }

    /** Opens the file; the caller owns the result. Throws a QuerentException with the user's next step on failure. */
    public Opened open(Path file) {
        Project project = projects.open(file);
        try {
            return inspect(new OpenProject(project, new ModelSession(project)));
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
    }

    /** A work package of texts carries them: the lead's dataset folder is not needed to label it. */
    private static boolean textOnlyPackage(Project project) {
        return org.querent.team.PackService.isPackage(project) && project.items().inState("active").stream()
                .allMatch(i -> i.kind() == org.querent.common.ItemKind.TEXT);
    }

    /** Re-checks an open project (after the dataset folder was re-pointed, say). */
    public Opened inspect(OpenProject open) {
        Project project = open.project();
        Path dataRoot = null;
        String dataProblem = null;
        try {
            dataRoot = project.dataRoot();
            if (project.items().isEmpty()) {
                new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            }
        } catch (QuerentException e) {
            dataProblem = textOnlyPackage(project) ? null : e.getMessage();
        }
        String modelProblem = null;
        int unscored = 0;
        try {
            String hash = open.models().hash();
            modelProblem = open.models().problem();
            unscored = modelProblem == null ? new ScoringService(project, open.models()).pendingCount(hash) : 0;
        } catch (QuerentException e) {
            modelProblem = e.getMessage();
        }
        String guideline = project.guidelines().current().map(Guideline::body)
                .orElse("This project has no guideline yet. Publish one with 'querent guideline PROJECT FILE'.");
        return new Opened(open, dataRoot, dataProblem, modelProblem, unscored, project.taxonomy().labels(), guideline);
    }
}
