package org.querent.ui.start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.stage.Window;
import org.querent.ui.settings.UserSettings;
import org.querent.session.OpenProject;
import org.querent.ui.workbench.WorkbenchContext;
import org.querent.ui.task.FxTaskRunner;
import org.querent.ui.task.TaskRunner;

/** A real workbench for UI tests: real background lanes and settings, recording what screens ask it to do. */
final class RecordingWorkbench implements WorkbenchContext, AutoCloseable {
    final List<Path> opened = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final FxTaskRunner tasks = new FxTaskRunner((thread, error) -> errors.add(error));
    private final UserSettings settings;
    private final Window window;

    RecordingWorkbench(Path settingsFile, Window window) {
        this.settings = UserSettings.load(settingsFile);
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
        return null;
    }

    @Override
    public void openProject(Path file) {
        opened.add(file);
    }

    @Override
    public void openSample() {
        throw new UnsupportedOperationException("not used by the wizard");
    }

    @Override
    public void labelItem(long itemId) {
        throw new UnsupportedOperationException("not used by the wizard");
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
    }
}
