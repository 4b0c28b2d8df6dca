package org.querent.ui.browse;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.stage.Window;
import org.querent.project.Project;
import org.querent.session.ModelSession;
import org.querent.ui.settings.UserSettings;
import org.querent.session.OpenProject;
import org.querent.ui.workbench.WorkbenchContext;
import org.querent.ui.task.FxTaskRunner;
import org.querent.ui.task.TaskRunner;

/** A real workbench for view tests: real background lanes, a real project, navigation recorded. */
public final class TestWorkbench implements WorkbenchContext, AutoCloseable {
    public final List<Long> labelled = new CopyOnWriteArrayList<>();
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final FxTaskRunner tasks = new FxTaskRunner((t, e) -> errors.add(e));
    private final UserSettings settings;
    private final OpenProject project;
    private Window window;

    public TestWorkbench(Project project, Path settingsFile) {
        this.project = new OpenProject(project, new ModelSession(project));
        this.settings = UserSettings.load(settingsFile);
    }

    public void setWindow(Window window) {
        this.window = window;
    }

    @Override
    public TaskRunner tasks() {
        return tasks;
    }

    @Override
    public UserSettings settings() {
        return settings;
    }

    @Override
    public OpenProject project() {
        return project;
    }

    @Override
    public void openProject(Path file) {
        throw new UnsupportedOperationException("not in view tests");
    }

    @Override
    public void openSample() {
        throw new UnsupportedOperationException("not in view tests");
    }

    @Override
    public void labelItem(long itemId) {
        labelled.add(itemId);
    }

    @Override
    public void showError(String title, Throwable error) {
        errors.add(error);
    }

    @Override
    public Window window() {
        return window;
    }

    @Override
    public void close() {
        tasks.close();
        project.close();
    }
}
