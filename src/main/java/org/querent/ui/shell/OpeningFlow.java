package org.querent.ui.shell;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.querent.session.LabellingSession;
import org.querent.session.OpenProject;
import org.querent.session.ProjectOpener;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * The steps from a project file to the first item to label: open (off the UI thread), re-point a moved dataset
 * folder, warn about a model that cannot be used, score what is new, then start the labelling session. It holds
 * no JavaFX: the window shows each step through {@link Screens}, and tests drive it with a direct task runner.
 */
public final class OpeningFlow {

    /** What the window shows at each step; every call comes on the UI thread. */
    public interface Screens {
        /** A wait with a message. */
        void busy(String what);

        /** The file is open and locked: title, recent projects, status bar. */
        void opened(OpenProject project);

        /** The dataset folder has moved: ask for it, then call {@link OpeningFlow#relocate} or {@link OpeningFlow#abandon}. */
        void askForDataFolder(String problem);

        /** The model cannot be used; labelling goes on with stored embeddings. */
        void modelUnavailable(String problem, boolean itemsWaitForTheModel);

        /** Items wait for the model: show scoring, then call {@link OpeningFlow#label}. */
        void score(ProjectOpener.Opened opened);

        /** The session is ranked: show the workbench. */
        void labelling(ProjectOpener.Opened opened, LabellingSession session);

        /** Back to the start screen (a failed or abandoned open). */
        void start();

        /**
         * Who is labelling, before the session starts: calls {@code then} with the name on the UI thread, or null for
         * the name in the user's settings. The window asks in a team project (see ui.team.WhoIsLabelling).
         */
        default void whoIsLabelling(OpenProject project, Consumer<String> then) {
            then.accept(null);
        }

        /** Ranking failed: the project stays open, the window says why. */
        void notRanked(Throwable error);

        /** A step failed; the message says what to do. */
        void error(String title, Throwable error);
    }

    private final TaskRunner tasks;
    private final ProjectOpener opener;
    private final Screens screens;
    private final Supplier<String> annotator;
    private final Supplier<LabellingSession.Settings> sessionSettings;
    private OpenProject open;

    public OpeningFlow(TaskRunner tasks, ProjectOpener opener, Screens screens, Supplier<String> annotator,
                       Supplier<LabellingSession.Settings> sessionSettings) {
        this.tasks = Objects.requireNonNull(tasks);
        this.opener = Objects.requireNonNull(opener);
        this.screens = Objects.requireNonNull(screens);
        this.annotator = Objects.requireNonNull(annotator);
        this.sessionSettings = Objects.requireNonNull(sessionSettings);
    }

    /** The project this flow opened, or null before (or after it was closed). */
    public OpenProject project() {
        return open;
    }

    /**
     * Opens the file and goes through the steps. A project already open is closed first, and the open waits for
     * that close: opening the same file again (from the recent list, say) must not race its own lock.
     */
    public void open(Path file) {
        screens.busy("Opening " + file.getFileName() + "…");
        OpenProject closing = open;
        open = null;
        if (closing == null) {
            openNow(file);
            return;
        }
        tasks.run(Lane.DECISIONS, () -> {
            closing.close();
            return null;
        }, ignored -> openNow(file), error -> {
            screens.error("Closing the project failed", error);
            openNow(file);
        });
    }

    private void openNow(Path file) {
        tasks.run(Lane.LONG, () -> opener.open(file), opened -> {
            open = opened.project();
            screens.opened(open);
            proceed(opened);
        }, error -> {
            screens.start();
            screens.error("Could not open " + file.getFileName(), error);
        });
    }

    /** Re-points the open project at its dataset folder and goes on opening. */
    public void relocate(Path folder) {
        OpenProject project = open;
        tasks.run(Lane.LONG, () -> {
            project.relocateData(folder);
            return opener.inspect(project);
        }, this::proceed, error -> screens.error("That folder cannot be used", error));
    }

    /** The person gave up locating the folder: close the project and go back to the start. */
    public void abandon() {
        close(error -> screens.error("Closing the project failed", error));
        screens.start();
    }

    /** Starts the labelling session (after scoring, or directly) and shows it when ranked. */
    public void label(ProjectOpener.Opened opened) {
        screens.whoIsLabelling(open, name -> labelAs(opened, name));
    }

    /** Starts (or restarts) the labelling session as a person; null: the name in the user's settings. */
    public void labelAs(ProjectOpener.Opened opened, String name) {
        OpenProject project = open;
        if (project == null) {
            return; // closed meanwhile
        }
        screens.busy("Ranking the pool…");
        Executor training = work -> tasks.run(Lane.TRAINING, () -> {
            work.run();
            return null;
        }, ignored -> { }, error -> screens.error("Retraining failed", error));
        Executor ranking = work -> tasks.run(Lane.RANKING, () -> {
            work.run();
            return null;
        }, ignored -> { }, error -> { }); // a failed look-ahead is ranked again in line, where its error shows
        String who = name != null ? name : annotator.get();
        LabellingSession.Settings settings = sessionSettings.get();
        tasks.run(Lane.LONG, () -> {
            LabellingSession session = project.newSession(who, settings, training, ranking);
            session.start();
            project.attach(session);
            return session;
        }, session -> screens.labelling(opened, session),
                screens::notRanked);
    }

    /**
     * Closes the open project, releasing its file. The close waits in the decisions lane, so decisions in
     * flight are committed first.
     */
    public void close(Consumer<Throwable> onFailure) {
        OpenProject closing = open;
        open = null;
        if (closing != null) {
            tasks.run(Lane.DECISIONS, () -> {
                closing.close();
                return null;
            }, ignored -> { }, onFailure);
        }
    }

    private void proceed(ProjectOpener.Opened opened) {
        if (opened.dataProblem() != null) {
            screens.askForDataFolder(opened.dataProblem());
            return;
        }
        if (opened.modelProblem() != null) {
            screens.modelUnavailable(opened.modelProblem(), opened.unscored() > 0);
        }
        if (opened.unscored() > 0 && opened.modelProblem() == null) {
            screens.score(opened);
        } else {
            label(opened);
        }
    }
}
