package org.querent.ui.interchange;

import org.querent.session.LabellingSession;
import org.querent.session.OpenProject;
import org.querent.ui.workbench.WorkbenchContext;

/**
 * What the Model and Labels menus open, for the open project. {@code changed} is told when the version in use or the
 * labels changed, so the screens that show them read them again.
 */
public final class InterchangeActions {
    private final WorkbenchContext context;
    private final Runnable changed;

    public InterchangeActions(WorkbenchContext context, Runnable changed) {
        this.context = context;
        this.changed = changed;
    }

    /** Promote a version or roll back (a lead's call in a team project). */
    public void versions() {
        OpenProject open = context.project();
        if (open != null) {
            VersionWindow w = new VersionWindow(context.window(), context.tasks(), open, who(open));
            w.setOnChanged(changed);
            w.window().show();
        }
    }

    public void exportModel() {
        OpenProject open = context.project();
        if (open != null) {
            new ExportModelWindow(context.window(), context.tasks(), open).window().show();
        }
    }

    public void exportLabels() {
        OpenProject open = context.project();
        if (open != null) {
            new ExportLabelsWindow(context.window(), context.tasks(), open).window().show();
        }
    }

    public void importLabels() {
        OpenProject open = context.project();
        if (open != null) {
            ImportLabelsWindow w = new ImportLabelsWindow(context.window(), context.tasks(), open, who(open));
            w.setOnImported(changed);
            w.window().show();
        }
    }

    /** Who is working: the labelling session's person, else the name in the user settings. */
    private String who(OpenProject open) {
        LabellingSession s = open.session();
        return s != null ? s.annotator() : context.settings().annotator();
    }
}
