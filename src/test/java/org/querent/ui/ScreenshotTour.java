package org.querent.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.ImportService;
import org.querent.store.LabelDefinition;
import org.querent.ui.common.Theme;
import org.querent.ui.label.LabelViewModel;
import org.querent.ui.settings.UserSettings;
import org.querent.ui.shell.MainWindow;
import org.querent.ui.shell.Workbench;
import org.querent.ui.start.NewProjectWizard;
import org.querent.ui.task.FxTaskRunner;

/**
 * Drives the real workstation through its main screens and saves a PNG of each, for a person to look at
 * and for the README. Run under Xvfb:
 * <pre>xvfb-run -a -s "-screen 0 1440x900x24" java -cp "target/test-classes:target/classes:target/lib/*" \
 *     org.querent.ui.ScreenshotTour resources/screenshots</pre>
 */
public final class ScreenshotTour {
    private static Path out;
    private static Path home;
    /** "audio" as the second argument: only the audio label view (the other shots stay as they are). */
    private static boolean audioOnly;
    /** "team" as the second argument: only the team's screens and the sources card. */
    private static boolean teamOnly;
    /** "interchange" as the second argument: only the gate card and the import preview. */
    private static boolean interchangeOnly;
    private static long sharedItem = -1;
    /** "browse DIR" as the second and third arguments: only Browse's second page, over the texts of DIR. */
    private static Path browseTexts;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "resources/screenshots").toAbsolutePath();
        audioOnly = args.length > 1 && args[1].equals("audio");
        teamOnly = args.length > 1 && args[1].equals("team");
        interchangeOnly = args.length > 1 && args[1].equals("interchange");
        browseTexts = args.length > 2 && args[1].equals("browse") ? Path.of(args[2]).toAbsolutePath() : null;
        Files.createDirectories(out);
        home = Files.createTempDirectory("querent-tour");
        System.setProperty("querent.home", home.toString());
        System.setProperty("ai.djl.offline", "true");
        Application.launch(App.class, args);
    }

    /** The JavaFX side; the main class must not extend Application on a plain class path. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            new ScreenshotTour().begin(stage);
        }
    }

    private void begin(Stage stage) {
        FxTaskRunner tasks = new FxTaskRunner((t, e) -> e.printStackTrace());
        UserSettings settings = UserSettings.load(home.resolve("settings.properties"));
        settings.setRetrainEvery(10);
        MainWindow window = new MainWindow(stage, tasks, settings);
        stage.setWidth(1360);
        stage.setHeight(860);
        stage.show();
        Thread tour = new Thread(() -> {
            try {
                run(stage, window, settings);
            } catch (Throwable e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(() -> {
                    window.closeProject();
                    tasks.close();
                    Platform.exit();
                });
            }
        }, "tour");
        tour.setDaemon(true);
        tour.start();
    }

    private void run(Stage stage, MainWindow window, UserSettings settings) throws Exception {
        if (audioOnly) {
            audioShot(stage, window);
            return;
        }
        if (teamOnly) {
            teamScreens(stage, window);
            return;
        }
        if (interchangeOnly) {
            interchangeShots(stage, window, settings);
            return;
        }
        if (browseTexts != null) {
            browsePages(stage, window);
            return;
        }
        Path fashion = fashionProject();
        settings.addRecentProject(fashion);
        fx(() -> {
            window.showStart();
            return null;
        });
        shoot(stage.getScene(), "1-start.png");

        fx(() -> {
            NewProjectWizard.show(window);
            return null;
        });
        Stage wizard = waitFor(() -> Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage)
                .map(w -> (Stage) w).findFirst().orElse(null));
        fx(() -> {
            javafx.scene.control.TextField path = (javafx.scene.control.TextField) wizard.getScene().lookup("#dataset-path");
            path.setText(Path.of("sample-projects/fashion/data").toAbsolutePath().toString());
            path.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        Thread.sleep(3000);
        shoot(wizard.getScene(), "2-wizard-dataset.png");
        fx(() -> {
            wizard.close();
            return null;
        });

        fx(() -> {
            window.openSample();
            return null;
        });
        waitFor(() -> window.workbench() != null && window.workbench().labelModel().currentProperty().get() != null
                ? true : null);
        Map<String, String> truth = truth(Path.of("sample-projects/emails/ground-truth.csv"));
        labelFromTruth(window, truth, 45);
        waitFor(() -> !window.workbench().labelModel().trainingProperty().get() ? true : null);
        Thread.sleep(1500);
        shoot(stage.getScene(), "3-label-text.png");
        fx(() -> {
            window.showKeys();
            return null;
        });
        Stage keys = waitFor(() -> Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage
                && w.getScene() != null && "keys-dialog".equals(w.getScene().getRoot().getId())).map(w -> (Stage) w)
                .findFirst().orElse(null));
        Thread.sleep(800);
        shoot(keys.getScene(), "12-keys.png");
        fx(() -> {
            keys.close();
            return null;
        });
        fx(() -> {
            window.workbench().show(Workbench.Screen.BROWSE);
            return null;
        });
        Thread.sleep(2500);
        shoot(stage.getScene(), "4-browse.png");
        fx(() -> {
            window.workbench().show(Workbench.Screen.PROGRESS);
            return null;
        });
        Thread.sleep(2500);
        shoot(stage.getScene(), "5-progress.png");
        fx(() -> {
            window.workbench().show(Workbench.Screen.LABEL);
            Theme.apply(stage.getScene(), "dark", 125);
            return null;
        });
        Thread.sleep(1500);
        shoot(stage.getScene(), "6-label-dark-125.png");
        fx(() -> {
            Theme.apply(stage.getScene(), "light", 100);
            window.openProject(fashion);
            return null;
        });
        waitFor(() -> window.workbench() != null && window.project() != null
                && window.project().name().equals("fashion")
                && window.workbench().labelModel().currentProperty().get() != null ? true : null);
        labelFromTruth(window, truth(Path.of("sample-projects/fashion/ground-truth.csv")), 40);
        waitFor(() -> !window.workbench().labelModel().trainingProperty().get() ? true : null);
        Thread.sleep(2000);
        shoot(stage.getScene(), "7-label-image.png");
        audioShot(stage, window);
        teamScreens(stage, window);
        interchangeShots(stage, window, settings);
    }

    /**
     * The gate card in Progress on a project whose gate held a flipped-label candidate (GateProject), and the import
     * preview of a CSV with one row whose path is unknown.
     */
    private static void interchangeShots(Stage stage, MainWindow window, UserSettings settings) throws Exception {
        GateProject gate = GateProject.build(home.resolve("gate"));
        settings.setAnnotator("lena");
        fx(() -> {
            window.openProject(gate.file);
            return null;
        });
        waitFor(() -> window.workbench() != null && window.project() != null && window.project().name().equals("gate")
                && window.workbench().labelModel().currentProperty().get() != null ? true : null);
        fx(() -> {
            window.workbench().show(Workbench.Screen.PROGRESS);
            return null;
        });
        waitFor(() -> {
            javafx.scene.control.Label headline = (javafx.scene.control.Label) stage.getScene().lookup("#gate-headline");
            return headline != null && headline.getText().contains("candidate") ? true : null;
        });
        Thread.sleep(1500);
        fx(() -> { // scroll the gate card to the top of the view
            javafx.scene.Node card = stage.getScene().lookup("#gate").getParent();
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) stage.getScene().lookup(".scroll-pane");
            double y = scroll.getContent().sceneToLocal(card.localToScene(0, 0)).getY() - 14;
            double range = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.max(0, Math.min(1, y / range)));
            return null;
        });
        Thread.sleep(800);
        shoot(stage.getScene(), "15-gate.png");

        Path csv = home.resolve("gate/team-labels.csv");
        StringBuilder lines = new StringBuilder("path,label,annotator,time\n");
        List<String> files = gate.unlabelled.subList(0, 14);
        for (int i = 0; i < files.size(); i++) {
            if (i == 5) {
                lines.append("archive/2002-09/unknown-message.txt,exmh,kim,2026-11-30T09:12:00Z\n");
            }
            lines.append(files.get(i)).append(',').append(gate.truth.get(files.get(i))).append(",kim,2026-11-30T09:")
                    .append(String.format("%02d", 13 + i)).append(":00Z\n");
        }
        Files.writeString(csv, lines);
        fx(() -> {
            window.importLabels();
            return null;
        });
        Stage dialog = waitFor(() -> Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage
                && w.getScene() != null && "import-labels-dialog".equals(w.getScene().getRoot().getId()))
                .map(w -> (Stage) w).findFirst().orElse(null));
        fx(() -> {
            ((javafx.scene.control.TextField) dialog.getScene().lookup("#import-labels-file")).setText(csv.toString());
            ((javafx.scene.control.Button) dialog.getScene().lookup("#import-labels-preview")).fire();
            return null;
        });
        waitFor(() -> ((javafx.scene.control.ListView<?>) dialog.getScene().lookup("#import-labels-unmatched"))
                .getItems().isEmpty() ? null : true);
        Thread.sleep(1200);
        shoot(dialog.getScene(), "16-import-preview.png");
        fx(() -> {
            dialog.close();
            return null;
        });
    }

    /** The audio sample after 20 clips labelled (one retraining), the playhead a second in, P pressed. */
    private static void audioShot(Stage stage, MainWindow window) throws Exception {
        Path folder = home.resolve("speech");
        for (String part : List.of("data", "model")) {
            Path from = Path.of("sample-projects/speech").resolve(part);
            try (var files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path target = folder.resolve(part).resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                }
            }
        }
        List<LabelDefinition> labels = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(Path.of("sample-projects/speech/labels.txt"))) {
            labels.add(new LabelDefinition(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1), null));
        }
        Path file = folder.resolve("speech.querent");
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, folder.resolve("data"),
                folder.resolve("model/model.json").toString(), labels, false,
                Path.of("sample-projects/speech/guideline.md")))) {
            new ImportService(p).run(false, ProgressListener.NONE, Cancellation.none());
        }
        fx(() -> {
            window.openProject(file);
            return null;
        });
        waitFor(() -> window.workbench() != null && window.project() != null
                && window.project().name().equals("speech")
                && window.workbench().labelModel().currentProperty().get() != null ? true : null);
        labelFromTruth(window, truth(Path.of("sample-projects/speech/ground-truth.csv")), 20);
        waitFor(() -> !window.workbench().labelModel().trainingProperty().get() ? true : null);
        Thread.sleep(1500);
        fx(() -> { // a click 40% into the clip moves the playhead there
            javafx.scene.Node timeline = stack(stage);
            javafx.event.Event.fireEvent(timeline, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                    timeline.getLayoutBounds().getWidth() * 0.4, 20, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1,
                    false, false, false, false, true, false, false, true, false, false, null));
            return null;
        });
        for (javafx.scene.input.KeyCode code : List.of(javafx.scene.input.KeyCode.P)) {
            fx(() -> {
                javafx.event.Event.fireEvent(stage.getScene().lookup("#label-view"), new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
                javafx.event.Event.fireEvent(stage.getScene().lookup("#label-view"), new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_RELEASED, "", "", code, false, false, false, false));
                return null;
            });
            Thread.sleep(400);
        }
        Thread.sleep(1000);
        shoot(stage.getScene(), "8-label-audio.png");
    }

    private static javafx.scene.Node stack(Stage stage) {
        return stage.getScene().lookup("#audio-timeline");
    }

    /** A team project: who is labelling, the review queue, the agreement card and the taxonomy editor. */
    private void teamScreens(Stage stage, MainWindow window) throws Exception {
        Path team = teamProject();
        fx(() -> {
            window.openProject(team);
            return null;
        });
        Stage who = waitFor(() -> Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage
                && w.getScene() != null && "who-dialog".equals(w.getScene().getRoot().getId())).map(w -> (Stage) w)
                .findFirst().orElse(null));
        Thread.sleep(800);
        shoot(who.getScene(), "8-who-is-labelling.png");
        fx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<org.querent.store.Person> people =
                    (javafx.scene.control.ListView<org.querent.store.Person>) who.getScene().lookup("#people-list");
            people.getItems().stream().filter(p -> p.name().equals("lena")).findFirst()
                    .ifPresent(p -> people.getSelectionModel().select(p));
            ((javafx.scene.control.Button) who.getScene().lookup("#who-ok")).fire();
            return null;
        });
        waitFor(() -> window.workbench() != null && window.project() != null && window.project().name().equals("team")
                && window.workbench().labelModel().currentProperty().get() != null
                && window.workbench().labelModel().identityProperty().get() != null ? true : null);
        fx(() -> {
            window.workbench().show(Workbench.Screen.REVIEW);
            return null;
        });
        Thread.sleep(2500);
        fx(() -> {
            // An item both ana and ben labelled, ben differently: its history tells the story.
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<org.querent.ui.team.ReviewViewModel.Row> queue =
                    (javafx.scene.control.TableView<org.querent.ui.team.ReviewViewModel.Row>) stage.getScene()
                            .lookup("#review-queue");
            queue.getItems().stream().filter(r -> r.itemId() == sharedItem).findFirst().ifPresent(r -> {
                queue.getSelectionModel().select(r);
                queue.scrollTo(Math.max(0, queue.getItems().indexOf(r) - 3));
            });
            return null;
        });
        Thread.sleep(1500);
        shoot(stage.getScene(), "9-review-queue.png");
        fx(() -> {
            // The "low agreement" filter on (F6): the items ana and ben labelled differently.
            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#review-low-agreement")).fire();
            return null;
        });
        Thread.sleep(2000);
        shoot(stage.getScene(), "13-review-low-agreement.png");
        fx(() -> {
            window.workbench().show(Workbench.Screen.PROGRESS);
            return null;
        });
        Thread.sleep(2500);
        fx(() -> {
            // Scroll the progress page so the agreement card is in view.
            javafx.scene.Node card = stage.getScene().lookup("#agreement");
            javafx.scene.Node up = card;
            while (!(up instanceof javafx.scene.control.ScrollPane)) {
                up = up.getParent();
            }
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) up;
            double y = card.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 80) / room)));
            return null;
        });
        Thread.sleep(800);
        shoot(stage.getScene(), "10-agreement.png");
        fx(() -> {
            window.workbench().show(Workbench.Screen.TAXONOMY);
            return null;
        });
        Thread.sleep(2000);
        shoot(stage.getScene(), "11-taxonomy.png");
        sourcesShot(stage, window);
    }

    /** The "By source" card of Progress on emails in two folders, the smaller one hardly labelled. */
    private void sourcesShot(Stage stage, MainWindow window) throws Exception {
        Path sources = sourcesProject();
        fx(() -> {
            window.openProject(sources);
            return null;
        });
        waitFor(() -> window.workbench() != null && window.project() != null && window.project().name().equals("mail")
                && window.workbench().labelModel().currentProperty().get() != null ? true : null);
        fx(() -> {
            window.workbench().show(Workbench.Screen.PROGRESS);
            return null;
        });
        Thread.sleep(3000);
        scrollTo(stage, "#sources");
        Thread.sleep(800);
        shoot(stage.getScene(), "14-progress-sources.png");
    }

    /** Scrolls the progress page so the card with this id is near the top. */
    private static void scrollTo(Stage stage, String id) throws Exception {
        fx(() -> {
            javafx.scene.Node card = stage.getScene().lookup(id);
            javafx.scene.Node up = card;
            while (!(up instanceof javafx.scene.control.ScrollPane)) {
                up = up.getParent();
            }
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) up;
            double y = card.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 80) / room)));
            return null;
        });
    }

    /**
     * The 300 sample emails in two folders: inbox (240) and archive (60). Three seeds per list, a head, then one
     * batch of 60 drawn wholly at random (audit share 1), labelled from the ground truth except archive's picks
     * after its first two: archive ends up under-sampled.
     */
    private static Path sourcesProject() throws Exception {
        Path folder = home.resolve("sources");
        Map<String, String> truth = truth(Path.of("sample-projects/emails/ground-truth.csv"));
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> e : truth.entrySet()) {
            String key = (n++ < 240 ? "inbox/" : "archive/") + e.getKey();
            Path to = folder.resolve("data").resolve(key);
            Files.createDirectories(to.getParent());
            Files.copy(Path.of("sample-projects/emails/data").resolve(e.getKey()), to);
            byKey.put(key, e.getValue());
        }
        List<String> names = org.querent.TestData.emailLabels();
        Path file = folder.resolve("mail.querent");
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, folder.resolve("data"),
                "builtin:minilm", names.stream().map(l -> new LabelDefinition(l, "", null)).toList(), false, null));
             org.querent.session.ModelSession models = new org.querent.session.ModelSession(p)) {
            new ImportService(p).run(false, ProgressListener.NONE, Cancellation.none());
            new org.querent.session.ScoringService(p, models).score(32, ProgressListener.NONE, Cancellation.none());
            var labelling = new org.querent.session.LabellingService(p);
            Map<String, Integer> seeds = new HashMap<>();
            for (Map.Entry<String, String> e : byKey.entrySet()) {
                if (e.getKey().startsWith("inbox/") && seeds.merge(e.getValue(), 1, Integer::sum) <= 3) {
                    labelling.label(labelling.findItem(e.getKey()).id(), List.of(e.getValue()), "ana");
                }
            }
            new org.querent.session.TrainingService(p).train(org.querent.session.Pool.load(p, models.hash()),
                    org.querent.learn.TrainSettings.defaults(), Cancellation.none());
            var ranked = new org.querent.session.Ranker(p, models).predictPool();
            var queue = new org.querent.session.QueueService(p).next(ranked.pool(), ranked.predictions(), "margin", 60, 7,
                    java.util.Set.of(), new org.querent.query.rules.BatchRules(0, 0, 0, 1));
            int archived = 0;
            for (var entry : queue.entries()) {
                String key = entry.item().key();
                if (key.startsWith("archive/") && archived++ >= 2) {
                    continue;
                }
                labelling.label(entry.item().id(), List.of(byKey.get(key)), "ana");
            }
        }
        return file;
    }

    /**
     * 60 emails; lena (lead), ana and ben (annotators), rev (reviewer). ana and ben label overlapping items (ben
     * disagrees on some), with pre-labels shown (a few corrected); ana escalates one; lena renamed a label.
     */
    private static Path teamProject() throws Exception {
        Path folder = home.resolve("team");
        Map<String, String> truth = org.querent.TestData.copyEmails(folder.resolve("data"), 10);
        List<String> names = org.querent.TestData.emailLabels();
        Path file = folder.resolve("team.querent");
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, folder.resolve("data"),
                "builtin:minilm", names.stream().map(l -> new LabelDefinition(l, "", null)).toList(), false, null))) {
            new ImportService(p).run(false, ProgressListener.NONE, Cancellation.none());
            var people = new org.querent.team.PeopleService(p);
            people.assign("lena", org.querent.team.Role.LEAD, "lena", "runs the project");
            people.assign("ana", org.querent.team.Role.ANNOTATOR, "lena", "joins");
            people.assign("ben", org.querent.team.Role.ANNOTATOR, "lena", "joins");
            people.assign("rev", org.querent.team.Role.REVIEWER, "lena", "reviews");
            var labelling = new org.querent.session.LabellingService(p);
            List<String> files = List.copyOf(truth.keySet());
            for (int i = 0; i < 36; i++) {
                long id = labelling.findItem(files.get(i)).id();
                String right = truth.get(files.get(i));
                String other = names.get((names.indexOf(right) + 1) % names.size());
                if (i < 24) {
                    labelling.label(id, List.of(right), "ana", new org.querent.session.LabellingService.Shown(
                            i % 5 == 0 ? other : right, 0.55, null));
                }
                if (i == 16) {
                    sharedItem = id; // ana and ben disagree on it (i % 4 == 0)
                }
                if (i >= 12) {
                    labelling.label(id, List.of(i % 4 == 0 ? other : right), "ben",
                            new org.querent.session.LabellingService.Shown(right, 0.7, null));
                }
            }
            labelling.flag(labelling.findItem(files.get(5)).id(), "a newsletter that quotes the list?", "ben");
            new org.querent.team.EscalationService(p).escalate(labelling.findItem(files.get(40)).id(),
                    "quotes two lists; which one does it belong to?", "ana");
            var taxonomy = new org.querent.team.TaxonomyService(p);
            taxonomy.describe("fork", "the FoRK list: links and discussion", "lena", "newcomers asked what fork is");
            taxonomy.rename("razor-users", "razor", "lena", "shorter; the list is about Vipul's Razor");
        }
        return file;
    }

    /** Labels n items from the truth, by the label keys, as a person would. */
    private static void labelFromTruth(MainWindow window, Map<String, String> truth, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            LabelViewModel model = window.workbench().labelModel();
            String key = fx(() -> {
                var entry = model.currentProperty().get();
                String label = truth.get(entry.item().key());
                int index = model.choices().stream().map(LabelViewModel.LabelChoice::name).toList().indexOf(label);
                return model.keys().get(index);
            });
            long before = fx(() -> model.currentProperty().get().item().id());
            fx(() -> model.pressKey(key));
            waitFor(() -> model.currentProperty().get() != null
                    && model.currentProperty().get().item().id() != before ? true : null);
        }
    }

    /** Browse over more than a page of texts, on its second page. */
    private void browsePages(Stage stage, MainWindow window) throws Exception {
        Path folder = home.resolve("texts");
        List<String> classes;
        try (var dirs = Files.list(browseTexts)) {
            classes = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        Path file = folder.resolve("texts.querent");
        Files.createDirectories(folder);
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, browseTexts, "builtin:minilm",
                classes.stream().map(l -> new LabelDefinition(l, "", null)).toList(), false, null))) {
            new ImportService(p).run(false, ProgressListener.NONE, Cancellation.none());
        }
        fx(() -> {
            window.openProject(file);
            return null;
        });
        waitFor(() -> window.workbench() != null && window.project() != null ? true : null);
        fx(() -> {
            window.workbench().show(Workbench.Screen.BROWSE);
            return null;
        });
        Thread.sleep(2500);
        fx(() -> {
            ((javafx.scene.control.Button) stage.getScene().lookup("#browse-next")).fire();
            return null;
        });
        Thread.sleep(2500);
        shoot(stage.getScene(), "4b-browse-pages.png");
    }

    private static Path fashionProject() throws Exception {
        Path folder = home.resolve("fashion");
        Path data = folder.resolve("data");
        Files.createDirectories(data);
        try (var files = Files.list(Path.of("sample-projects/fashion/data"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        List<LabelDefinition> labels = List.of("ankle_boot", "bag", "coat", "dress", "pullover", "sandal", "shirt",
                "sneaker", "trouser", "tshirt_top").stream().map(l -> new LabelDefinition(l, "", null)).toList();
        Path file = folder.resolve("fashion.querent");
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, data,
                Path.of("sample-projects/fashion/model/model.json").toAbsolutePath().toString(), labels, false, null))) {
            new ImportService(p).run(false, ProgressListener.NONE, Cancellation.none());
        }
        return file;
    }

    private static Map<String, String> truth(Path csv) throws Exception {
        Map<String, String> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            truth.put(line.substring(0, comma), line.substring(comma + 1));
        }
        return truth;
    }

    private static void shoot(Scene scene, String name) throws Exception {
        BufferedImage image = fx(() -> toAwt(scene.snapshot(null)));
        ImageIO.write(image, "png", out.resolve(name).toFile());
        System.out.println("saved " + out.resolve(name));
    }

    /** The snapshot's pixels as an AWT image, without javafx-swing (a test-only dependency not in target/lib). */
    private static BufferedImage toAwt(javafx.scene.image.WritableImage fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        javafx.scene.image.PixelReader pixels = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            pixels.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static <T> T waitFor(Callable<T> check) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            T value = fx(check);
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }
}
