package org.querent.session;

import org.querent.project.Project;

/**
 * A project open in the workstation: the file, its model and the labelling loop. Closing releases the
 * project file for other processes. Methods here are safe on any thread; none touch JavaFX.
 */
public final class OpenProject implements AutoCloseable {
    private final Project project;
    private final ModelSession models;
    private volatile LabellingSession session;

    public OpenProject(Project project, ModelSession models) {
        this.project = project;
        this.models = models;
    }

    public Project project() {
        return project;
    }

    public ModelSession models() {
        return models;
    }

    /** The labelling loop, once the pool is scored and ranked; null before. */
    public LabellingSession session() {
        return session;
    }

    public void attach(LabellingSession labellingSession) {
        this.session = labellingSession;
    }

    /** The team's work on this project (people, review, escalations, taxonomy, agreement). */
    public TeamDesk team() {
        return new TeamDesk(project);
    }

    /** Points the project at a moved dataset folder. Writes the project file: call it off the UI thread. */
    public void relocateData(java.nio.file.Path newRoot) {
        DataFolderCheck.requireHoldsKnownFiles(project, newRoot);
        project.relocateData(newRoot);
    }

    /** Whether labelling can stop, from the stored heads over the cached pool. Reads the database. */
    public StoppingSignalService.StoppingSignal stoppingSignal() {
        return new StoppingSignalService(project).signal(Pool.load(project, models.hash()));
    }

    /** The project file, as it was opened. */
    public java.nio.file.Path file() {
        return project.file();
    }

    public String name() {
        String file = project.file().getFileName().toString();
        return file.endsWith(".querent") ? file.substring(0, file.length() - ".querent".length()) : file;
    }

    @Override
    public void close() {
        LabellingSession s = session;
        if (s != null) {
            s.cancelTraining();
        }
        models.close();
        project.close();
    }
}
