package org.querent.ui.start;

import org.querent.ui.shell.WorkbenchContext;

/** The new-project wizard: dataset folder, model, taxonomy, guideline. */
public final class NewProjectWizard {
    private NewProjectWizard() {
    }

    /** Shows the wizard; on finish the created project is opened with {@link WorkbenchContext#openProject}. */
    public static void show(WorkbenchContext context) {
    }
}
