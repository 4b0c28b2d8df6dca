package org.querent.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.querent.project.ProjectService;
import org.querent.session.ProjectOpener;
import org.querent.ui.common.ErrorDialogs;
import org.querent.ui.settings.UserSettings;
import org.querent.ui.shell.MainWindow;
import org.querent.ui.task.FxTaskRunner;

/**
 * The workstation's composition root: one task runner, the user's settings, the main window. Arguments:
 * a project file to open, or {@code --sample} to open the bundled sample project.
 */
public final class QuerentApplication extends Application {
    private FxTaskRunner tasks;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        long started = Long.getLong("querent.startNanos", System.nanoTime());
        tasks = new FxTaskRunner((thread, error) -> Platform.runLater(
                () -> ErrorDialogs.show(stage, "Unexpected error in " + thread.getName(), error)));
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) ->
                ErrorDialogs.show(stage, "Unexpected error", error));
        window = new MainWindow(stage, tasks, UserSettings.loadDefault(),
                new ProjectOpener(new ProjectService(Clock.systemUTC())));
        java.util.concurrent.atomic.AtomicBoolean labelling = new java.util.concurrent.atomic.AtomicBoolean();
        window.setOnReady(() -> {
            // A second ready line, once: the first item to label is on screen (the start-up figure in the README).
            if (window.workbench() != null && labelling.compareAndSet(false, true)) {
                System.err.printf("querent: first item ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            }
        });
        stage.show();
        // A ready line for scripts and the installer check: the main window is up and takes input.
        System.err.printf("querent: window ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        List<String> args = getParameters().getRaw();
        if (args.contains("--sample")) {
            window.openSample();
        } else if (!args.isEmpty()) {
            window.openProject(Path.of(args.get(0)));
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.closeProject();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
