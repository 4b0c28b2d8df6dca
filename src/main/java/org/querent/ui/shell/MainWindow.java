package org.querent.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Executor;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.querent.common.ProgressListener;
import org.querent.query.rules.BatchRules;
import org.querent.session.LabellingSession;
import org.querent.session.ProjectOpener;
import org.querent.session.WorkHistory;
import org.querent.session.SampleProjects;
import org.querent.ui.browse.BrowseView;
import org.querent.ui.common.ErrorDialogs;
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
import org.querent.ui.task.TaskRunner.Lane;
import org.querent.ui.workbench.WorkbenchContext;
import org.querent.session.OpenProject;

/**
 * The window: menus, the current screen (start, scoring, or an open project's workbench) and the status
 * bar. It opens and closes projects, always off the UI thread, and is the {@link WorkbenchContext} every
 * screen gets.
 */
public final class MainWindow implements WorkbenchContext {
    private final Stage stage;
    private final TaskRunner tasks;
    private final UserSettings settings;
    private final ProjectOpener opener;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final StatusBar status = new StatusBar();
    private final Menu recentMenu = new Menu("Open recent");
    private OpenProject open;
    private Workbench workbench;
    private Runnable onReady = () -> { };

    public MainWindow(Stage stage, TaskRunner tasks, UserSettings settings) {
        this(stage, tasks, settings, new ProjectOpener());
    }

    /** The window over an opener the application wires (see QuerentApplication, the composition root). */
    public MainWindow(Stage stage, TaskRunner tasks, UserSettings settings, ProjectOpener opener) {
        this.opener = opener;
        this.stage = stage;
        this.tasks = tasks;
        this.settings = settings;
        root.setTop(menus());
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
        return open;
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
        closeProject();
        busy("Opening " + file.getFileName() + "…");
        tasks.run(Lane.LONG, () -> opener.open(file), opened -> {
            open = opened.project();
            settings.addRecentProject(file);
            refreshRecent();
            stage.setTitle(open.name() + " — Querent");
            status.projectLabel().setText(open.name());
            continueOpening(opened);
        }, error -> {
            showStart();
            showError("Could not open " + file.getFileName(), error);
        });
    }

    @Override
    public void labelItem(long itemId) {
        if (workbench != null) {
            workbench.label(itemId);
        }
    }

    // ---- opening steps -------------------------------------------------------------------------------

    private void continueOpening(ProjectOpener.Opened opened) {
        if (opened.dataProblem() != null) {
            askForDataFolder(opened);
            return;
        }
        if (opened.modelProblem() != null) {
            status.messageLabel().setText("Model unavailable: labelling uses the stored embeddings");
            warn("The model cannot be used", opened.modelProblem()
                    + (opened.unscored() > 0 ? "" : "\n\nYou can keep labelling: the items read earlier are stored in the project."));
        }
        if (opened.unscored() > 0 && opened.modelProblem() == null) {
            score(opened);
        } else {
            startLabelling(opened);
        }
    }

    private void askForDataFolder(ProjectOpener.Opened opened) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(stage);
        alert.setTitle("Querent");
        alert.setHeaderText("The dataset folder has moved");
        alert.setContentText(opened.dataProblem().replaceAll(": re-point it with .*", "")
                + "\n\nLocate the folder to continue. Your decisions are safe in the project file.");
        ButtonType locate = new ButtonType("Locate folder…", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(locate, ButtonType.CANCEL);
        alert.getDialogPane().setId("data-moved-dialog");
        if (alert.showAndWait().orElse(ButtonType.CANCEL) != locate) {
            closeProject();
            showStart();
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Where is the dataset folder now?");
        File folder = chooser.showDialog(stage);
        if (folder == null) {
            closeProject();
            showStart();
            return;
        }
        relocate(folder.toPath());
    }

    /** Re-points the open project at its dataset folder and goes on opening. */
    public void relocate(Path folder) {
        OpenProject project = open;
        tasks.run(Lane.LONG, () -> {
            project.relocateData(folder);
            return opener.inspect(project);
        }, this::continueOpening, error -> showError("That folder cannot be used", error));
    }

    private void score(ProjectOpener.Opened opened) {
        ScoringViewModel model = new ScoringViewModel(open, tasks);
        setContent(new ScoringView(model, open.name()).node());
        model.start(report -> {
            if (report.quarantined() > 0) {
                status.messageLabel().setText(report.quarantined() + " items could not be read by the model and were "
                        + "quarantined (see Browse)");
            }
            startLabelling(opened);
        }, error -> {
            showError("Scoring stopped", error);
            startLabelling(opened);
        });
    }

    private void startLabelling(ProjectOpener.Opened opened) {
        OpenProject project = open;
        busy("Ranking the pool…");
        Executor training = work -> tasks.run(Lane.TRAINING, () -> {
            work.run();
            return null;
        }, ignored -> { }, error -> showError("Retraining failed", error));
        tasks.run(Lane.LONG, () -> {
            LabellingSession session = new LabellingSession(project.project(), project.models(), settings.annotator(),
                    new LabellingSession.Settings(settings.strategy(), settings.batchSize(), settings.retrainEvery(),
                            new BatchRules(settings.nearDuplicate(), 0, 0, settings.auditShare())),
                    training);
            session.start();
            project.attach(session);
            return session;
        }, session -> {
            LabelViewModel model = new LabelViewModel(new WorkHistory(project.project()), session, opened.taxonomy(), opened.dataRoot(),
                    tasks);
            LabelView view = new LabelView(model, opened::guideline);
            workbench = new Workbench(project.name(), view, model, new BrowseView(this), new ProgressView(this));
            status.modelLabel().textProperty().bind(model.modelStatusProperty());
            model.trainingProperty().addListener((obs, a, b) -> status.setTraining(b));
            model.strategyProperty().addListener((obs, a, b) -> settings.setStrategy(b));
            model.batchSizeProperty().addListener((obs, a, b) -> settings.setBatchSize(b.intValue()));
            setContent(workbench.node());
            model.load();
            view.focus();
            onReady.run();
        }, error -> {
            showError("The project could not be ranked", error);
            Label hint = new Label(ErrorDialogs.message(error));
            hint.setWrapText(true);
            setContent(hint);
        });
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

    private void busy(String what) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label label = new Label(what);
        label.setId("busy-message");
        VBox box = new VBox(12, spinner, label);
        box.setAlignment(Pos.CENTER);
        setContent(box);
    }

    private void setContent(Node node) {
        content.getChildren().setAll(node);
    }

    /** Closes the open project, releasing its file; pending decisions are already committed. */
    public void closeProject() {
        OpenProject closing = open;
        open = null;
        workbench = null;
        if (closing != null) {
            // Closing waits for the project's lock; decisions in flight finish first (DECISIONS lane order).
            tasks.run(Lane.DECISIONS, () -> {
                closing.close();
                return null;
            }, ignored -> { }, error -> showError("Closing the project failed", error));
        }
    }

    private void warn(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(stage);
        alert.setTitle("Querent");
        alert.setHeaderText(header);
        alert.setContentText(text);
        alert.show();
    }

    // ---- menus ---------------------------------------------------------------------------------------

    private MenuBar menus() {
        MenuItem newProject = item("New project…", "menu-new", "Shortcut+N", () -> NewProjectWizard.show(this));
        MenuItem openFile = item("Open project…", "menu-open", "Shortcut+O", this::chooseProject);
        MenuItem sample = item("Open the sample project", "menu-sample", null, this::openSample);
        MenuItem close = item("Close project", "menu-close", "Shortcut+W", () -> {
            closeProject();
            showStart();
        });
        MenuItem quit = item("Quit", "menu-quit", "Shortcut+Q", () -> {
            closeProject();
            stage.close();
        });
        refreshRecent();
        Menu file = new Menu("File", null, newProject, openFile, sample, recentMenu, new SeparatorMenuItem(), close,
                quit);

        MenuItem labelTab = item("Label", "menu-label", "Shortcut+1", () -> showScreen(Workbench.Screen.LABEL));
        MenuItem browseTab = item("Browse", "menu-browse", "Shortcut+2", () -> showScreen(Workbench.Screen.BROWSE));
        MenuItem progressTab = item("Progress", "menu-progress", "Shortcut+3", () -> showScreen(Workbench.Screen.PROGRESS));
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = radio("Light theme", themes, "light".equals(settings.theme()), () -> setTheme("light"));
        RadioMenuItem dark = radio("Dark theme", themes, "dark".equals(settings.theme()), () -> setTheme("dark"));
        ToggleGroup sizes = new ToggleGroup();
        Menu fontSize = new Menu("Text size");
        for (int percent : new int[] {100, 125, 150}) {
            fontSize.getItems().add(radio(percent + " %", sizes, settings.fontScale() == percent, () -> setFontScale(percent)));
        }
        Menu view = new Menu("View", null, labelTab, browseTab, progressTab, new SeparatorMenuItem(), light, dark, fontSize);

        MenuItem keys = item("Keyboard shortcuts", "menu-keys", "F1", this::showKeys);
        Menu help = new Menu("Help", null, keys);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : settings.recentProjects()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openProject(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void showScreen(Workbench.Screen screen) {
        if (workbench != null) {
            workbench.show(screen);
        }
    }

    private void chooseProject() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Querent project");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Querent projects", "*.querent"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            openProject(file.toPath());
        }
    }

    private void setTheme(String theme) {
        settings.setTheme(theme);
        Theme.apply(stage.getScene(), theme, settings.fontScale());
    }

    private void setFontScale(int percent) {
        settings.setFontScale(percent);
        Theme.apply(stage.getScene(), settings.theme(), percent);
    }

    private void showKeys() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Work with the keyboard alone");
        alert.setContentText("""
                Label view
                  1-9, 0, letters   assign the label with that key (multi-label: toggle)
                  Enter / Space     accept the suggestion (multi-label: confirm)
                  S                 skip            F   flag for review, with a reason
                  N                 add a note      R   retrain now
                  Backspace, Ctrl+Z undo the last decision
                  G                 read the guideline
                  + / - / wheel     zoom an image; drag to pan; Home (or 0 if no label uses it) to fit
                  P or F5           play / pause a clip (F5 if a label uses P); with Shift: replay; ← / → seek 1 s
                Everywhere
                  Ctrl+1 / 2 / 3    Label / Browse / Progress
                  Ctrl+N, Ctrl+O    new project, open project
                  Ctrl+W, Ctrl+Q    close project, quit
                """);
        alert.show();
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static RadioMenuItem radio(String text, ToggleGroup group, boolean selected, Runnable action) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setToggleGroup(group);
        item.setSelected(selected);
        item.setOnAction(e -> action.run());
        return item;
    }
}
