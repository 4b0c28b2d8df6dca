package org.querent.ui.shell;

import java.nio.file.Path;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.querent.common.ProgressListener;
import org.querent.query.rules.BatchRules;
import org.querent.session.LabellingSession;
import org.querent.session.OpenProject;
import org.querent.session.ProjectOpener;
import org.querent.session.SampleProjects;
import org.querent.session.ScoringService;
import org.querent.ui.browse.BrowseView;
import org.querent.ui.common.ErrorDialogs;
import org.querent.ui.common.KeyHelp;
import org.querent.ui.common.KeyTable;
import org.querent.ui.common.Theme;
import org.querent.ui.label.LabelView;
import org.querent.ui.label.LabelViewModel;
import org.querent.ui.progress.ProgressView;
import org.querent.ui.score.ScoringView;
import org.querent.ui.score.ScoringViewModel;
import org.querent.ui.settings.UserDirectories;
import org.querent.ui.settings.UserSettings;
import org.querent.ui.start.NewProjectWizard;
import org.querent.ui.start.StartView;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.team.TeamScreens;
import org.querent.ui.team.WhoIsLabelling;
import org.querent.ui.task.TaskRunner.Lane;
import org.querent.ui.workbench.WorkbenchContext;

/**
 * The window: the menu bar, the current screen (start, scoring, or an open project's workbench) and the status
 * bar. The steps of opening a project are {@link OpeningFlow}'s; this class shows them.
 */
public final class MainWindow implements WorkbenchContext, OpeningFlow.Screens, AppMenus.Actions {
    private final Stage stage;
    private final TaskRunner tasks;
    private final UserSettings settings;
    private final OpeningFlow flow;
    private final ShellDialogs dialogs;
    private final AppMenus menus;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final StatusBar status = new StatusBar();
    private Workbench workbench;
    private final org.querent.ui.interchange.InterchangeActions interchange =
            new org.querent.ui.interchange.InterchangeActions(this, this::modelOrLabelsChanged);
    private Runnable onReady = () -> { };

    public MainWindow(Stage stage, TaskRunner tasks, UserSettings settings) {
        this(stage, tasks, settings, new ProjectOpener());
    }

    /** The window over an opener the application wires (see QuerentApplication, the composition root). */
    public MainWindow(Stage stage, TaskRunner tasks, UserSettings settings, ProjectOpener opener) {
        this.stage = stage;
        this.tasks = tasks;
        this.settings = settings;
        this.dialogs = new ShellDialogs(stage);
        this.flow = new OpeningFlow(tasks, opener, this, settings::annotator, this::sessionSettings);
        this.menus = new AppMenus(settings, this);
        root.setTop(menus.bar());
        root.setCenter(content);
        root.setBottom(status);
        Scene scene = new Scene(root, 1280, 820);
        Theme.apply(scene, settings.theme(), settings.fontScale());
        stage.setScene(scene);
        stage.setTitle("Querent");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> closeProject());
        showStart();
    }

    /** Called each time a screen is ready for input (start screen, labelling view): used by tests and the ready log. */
    public void setOnReady(Runnable onReady) {
        this.onReady = onReady;
    }

    public Workbench workbench() {
        return workbench;
    }

    // ---- WorkbenchContext ----------------------------------------------------------------------------

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
        return flow.project();
    }

    @Override
    public Window window() {
        return stage;
    }

    @Override
    public void showError(String title, Throwable error) {
        ErrorDialogs.show(stage, title, error);
    }

    @Override
    public void openSample() {
        busy("Preparing the sample project…");
        tasks.run(Lane.LONG, () -> SampleProjects.prepareEmails(UserDirectories.data().resolve("samples"),
                        ProgressListener.NONE),
                this::openProject,
                error -> {
                    showStart();
                    showError("The sample project could not be set up", error);
                });
    }

    @Override
    public void openProject(Path file) {
        workbench = null;
        flow.open(file); // closes the open project first, and waits for it
    }

    @Override
    public void labelItem(long itemId) {
        if (workbench != null) {
            workbench.label(itemId);
        }
    }

    /** Re-points the open project at its dataset folder and goes on opening. */
    public void relocate(Path folder) {
        flow.relocate(folder);
    }

    // ---- OpeningFlow.Screens -------------------------------------------------------------------------

    @Override
    public void opened(OpenProject project) {
        settings.addRecentProject(project.file());
        menus.refreshRecent();
        stage.setTitle(project.name() + " — Querent");
        status.projectLabel().setText(project.name());
    }

    @Override
    public void askForDataFolder(String problem) {
        dialogs.locateDataFolder(problem).ifPresentOrElse(flow::relocate, flow::abandon);
    }

    @Override
    public void modelUnavailable(String problem, boolean itemsWaitForTheModel) {
        status.messageLabel().setText("Model unavailable: labelling uses the stored embeddings");
        dialogs.warn("The model cannot be used", problem
                + (itemsWaitForTheModel ? "" : "\n\nYou can keep labelling: the items read earlier are stored in the project."));
    }

    @Override
    public void score(ProjectOpener.Opened opened) {
        OpenProject open = flow.project();
        ScoringViewModel model = new ScoringViewModel(open, tasks);
        setContent(new ScoringView(model, open.name()).node());
        model.start(ScoringService.FIRST_PART, report -> {
            if (report.quarantined() > 0) {
                status.messageLabel().setText(report.quarantined() + " items could not be read by the model and were "
                        + "quarantined (see Browse)");
            }
            flow.label(opened);
            if (!report.cancelled() && opened.unscored() > ScoringService.FIRST_PART) {
                // Labelling starts on the first part; the rest is read behind it and the queue then ranks it all.
                model.continueInBackground(line -> status.messageLabel().setText(line),
                        rest -> status.messageLabel().setText(rest.quarantined() > 0
                                ? rest.quarantined() + " items could not be read by the model (see Browse)"
                                : "Every item is read: the queue ranks the whole dataset"),
                        error -> showError("Reading the rest of the dataset stopped", error));
            }
        }, error -> {
            showError("Scoring stopped", error);
            flow.label(opened);
        });
    }

    @Override
    public void labelling(ProjectOpener.Opened opened, LabellingSession session) {
        OpenProject project = flow.project();
        LabelViewModel model = new LabelViewModel(project.history(), session, opened.taxonomy(),
                opened.dataRoot(), tasks);
        LabelView view = new LabelView(model, opened::guideline);
        workbench = new Workbench(project.name(), view, model, new BrowseView(this), new ProgressView(this),
                new TeamScreens(this, model, () -> WhoIsLabelling.ask(this, project, true,
                        name -> flow.labelAs(opened, name), () -> { })));
        status.modelLabel().textProperty().bind(model.modelStatusProperty());
        model.trainingProperty().addListener((obs, a, b) -> status.setTraining(b));
        model.strategyProperty().addListener((obs, a, b) -> settings.setStrategy(b));
        model.batchSizeProperty().addListener((obs, a, b) -> settings.setBatchSize(b.intValue()));
        setContent(workbench.node());
        model.load();
        view.focus();
        onReady.run();
    }

    @Override
    public void whoIsLabelling(OpenProject project, java.util.function.Consumer<String> then) {
        WhoIsLabelling.ask(this, project, false, then, this::closeToStart);
    }

    @Override
    public void notRanked(Throwable error) {
        showError("The project could not be ranked", error);
        Label hint = new Label(ErrorDialogs.message(error));
        hint.setWrapText(true);
        setContent(hint);
    }

    @Override
    public void start() {
        showStart();
    }

    @Override
    public void error(String title, Throwable error) {
        showError(title, error);
    }

    @Override
    public void busy(String what) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label label = new Label(what);
        label.setId("busy-message");
        VBox box = new VBox(12, spinner, label);
        box.setAlignment(Pos.CENTER);
        setContent(box);
    }

    // ---- AppMenus.Actions ----------------------------------------------------------------------------

    @Override
    public void newProject() {
        NewProjectWizard.show(this);
    }

    @Override
    public void chooseProject() {
        dialogs.chooseProject().ifPresent(this::openProject);
    }

    @Override
    public void closeToStart() {
        closeProject();
        showStart();
    }

    @Override
    public void quit() {
        closeProject();
        stage.close();
    }

    @Override
    public void showScreen(Workbench.Screen screen) {
        if (workbench != null) {
            workbench.show(screen);
        }
    }

    @Override
    public void setTheme(String theme) {
        settings.setTheme(theme);
        Theme.apply(stage.getScene(), theme, settings.fontScale());
    }

    @Override
    public void setFontScale(int percent) {
        settings.setFontScale(percent);
        Theme.apply(stage.getScene(), settings.theme(), percent);
    }

    @Override
    public void showKeys() {
        KeyHelp.show(stage, workbench == null ? KeyTable.of(java.util.List.of()) : workbench.labelModel().keyTable());
    }

    @Override
    public void versions() {
        interchange.versions();
    }

    @Override
    public void exportModel() {
        interchange.exportModel();
    }

    @Override
    public void exportLabels() {
        interchange.exportLabels();
    }

    @Override
    public void importLabels() {
        interchange.importLabels();
    }

    /** The version in use or the labels changed (a promotion, an import): the open screens read them again. */
    private void modelOrLabelsChanged() {
        if (workbench != null) {
            workbench.modelOrLabelsChanged();
        }
    }

    // ---- screens -------------------------------------------------------------------------------------

    public void showStart() {
        workbench = null;
        stage.setTitle("Querent");
        status.projectLabel().setText("");
        status.modelLabel().textProperty().unbind();
        status.modelLabel().setText("");
        setContent(new StartView(this).node());
        onReady.run();
    }

    /** Closes the open project, releasing its file; pending decisions are already committed. */
    public void closeProject() {
        workbench = null;
        flow.close(error -> showError("Closing the project failed", error));
    }

    private LabellingSession.Settings sessionSettings() {
        return new LabellingSession.Settings(settings.strategy(), settings.batchSize(), settings.retrainEvery(),
                new BatchRules(settings.nearDuplicate(), 0, 0, settings.auditShare()));
    }

    private void setContent(Node node) {
        content.getChildren().setAll(node);
    }
}
