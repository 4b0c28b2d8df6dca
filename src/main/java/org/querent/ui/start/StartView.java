package org.querent.ui.start;

import java.nio.file.Path;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.querent.ui.workbench.WorkbenchContext;

/** The first screen: open the sample, make a new project, open a file, or pick a recent project. */
public final class StartView {
    private final WorkbenchContext context;
    private final VBox root = new VBox(18);

    public StartView(WorkbenchContext context) {
        this.context = context;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        root.setPadding(new Insets(40, 60, 40, 60));
        root.setAlignment(Pos.TOP_LEFT);
        Label title = new Label("Querent");
        title.getStyleClass().add("title");
        Label tagline = new Label("Label what the model is least sure about. Everything stays on this computer.");
        tagline.getStyleClass().add("muted");

        Button sample = new Button("Open the sample project");
        sample.setId("open-sample");
        sample.getStyleClass().add("big-button");
        sample.setDefaultButton(true);
        sample.setOnAction(e -> context.openSample());
        Label sampleHint = new Label("300 real emails from 6 mailing lists, with the built-in text model.");
        sampleHint.getStyleClass().add("hint");

        Button create = new Button("New project…");
        create.setId("new-project");
        create.setOnAction(e -> NewProjectWizard.show(context));
        Button open = new Button("Open project…");
        open.setId("open-project");
        open.setOnAction(e -> chooseAndOpen());
        HBox actions = new HBox(10, create, open);

        Label recentTitle = new Label("Recent projects");
        recentTitle.getStyleClass().add("subtitle");
        ListView<Path> recent = new ListView<>();
        recent.setId("recent-projects");
        recent.getStyleClass().add("recent-list");
        recent.getItems().setAll(context.settings().recentProjects());
        recent.setPlaceholder(new Label("Projects you open appear here."));
        recent.setCellFactory(list -> new RecentCell());
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                context.openProject(recent.getSelectionModel().getSelectedItem());
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && recent.getSelectionModel().getSelectedItem() != null) {
                context.openProject(recent.getSelectionModel().getSelectedItem());
            }
        });
        recent.setMaxWidth(900);
        recent.setPrefHeight(300);

        root.getChildren().addAll(title, tagline, new VBox(6, sample, sampleHint), actions, recentTitle, recent);
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Querent project");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Querent projects", "*.querent"));
        var file = chooser.showOpenDialog(context.window());
        if (file != null) {
            context.openProject(file.toPath());
        }
    }

    /** A recent project: its name in bold, its folder below. */
    private static final class RecentCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path path, boolean empty) {
            super.updateItem(path, empty);
            if (empty || path == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(path.getFileName().toString());
            name.setStyle("-fx-font-weight: bold;");
            Label folder = new Label(String.valueOf(path.getParent()));
            folder.getStyleClass().add("muted");
            setGraphic(new VBox(2, name, folder));
            setText(null);
        }
    }
}
