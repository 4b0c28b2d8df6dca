package org.querent.ui.workbench;

import javafx.stage.Window;
import org.querent.session.OpenProject;
import org.querent.ui.settings.UserSettings;
import org.querent.ui.task.TaskRunner;

/**
 * What a screen of the workstation may use: background tasks, user settings, the open project and
 * navigation. Passed to views and view-models by constructor (no service locator).
 */
public interface WorkbenchContext {
    TaskRunner tasks();

    UserSettings settings();

    /** The open project, or null on the start screen. */
    OpenProject project();

    /** Opens a project file (from the start screen, the recent list or the wizard). */
    void openProject(java.nio.file.Path file);

    /** Opens (creating on first use) the bundled sample project. */
    void openSample();

    /** Switches to the labelling view with this item in front. */
    void labelItem(long itemId);

    /** Shows a failure as a dialog with its actionable message. */
    void showError(String title, Throwable error);

    Window window();
}
