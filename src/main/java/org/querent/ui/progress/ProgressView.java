package org.querent.ui.progress;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.querent.ui.shell.WorkbenchContext;

/** Progress of the project: labels per class, learning curve, pre-label acceptance, labels per hour. */
public final class ProgressView {
    private final Label placeholder = new Label("Progress");

    public ProgressView(WorkbenchContext context) {
    }

    public Node node() {
        return placeholder;
    }

    /** Reloads from the project (called when the view is shown and after each retrain). */
    public void refresh() {
    }
}
