package org.querent.ui.browse;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.querent.ui.shell.WorkbenchContext;

/** The data browser: every item of the project in a table with filters and search. */
public final class BrowseView {
    private final Label placeholder = new Label("Browse");

    public BrowseView(WorkbenchContext context) {
    }

    public Node node() {
        return placeholder;
    }

    /** Reloads from the project (called when the view is shown and after decisions). */
    public void refresh() {
    }
}
