package org.querent.ui.score;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** A progress screen while the model reads the pool: bar, items per second, time left, Cancel. */
public final class ScoringView {
    private final VBox root = new VBox(14);
    private final Timeline timer;

    public ScoringView(ScoringViewModel model, String projectName) {
        root.setPadding(new Insets(60));
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(640);
        Label title = new Label("Reading " + projectName + " with the model");
        title.getStyleClass().add("subtitle");
        Label hint = new Label("Each item is read once; you can stop at any time and continue later.");
        hint.getStyleClass().add("muted");
        ProgressBar bar = new ProgressBar();
        bar.setId("scoring-progress");
        bar.setPrefWidth(520);
        bar.progressProperty().bind(model.progressProperty());
        Label detail = new Label();
        detail.setId("scoring-detail");
        detail.textProperty().bind(model.detailProperty());
        Button cancel = new Button("Stop");
        cancel.setId("scoring-cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        root.getChildren().addAll(title, hint, bar, detail, cancel);
        timer = new Timeline(new KeyFrame(Duration.millis(200), e -> model.poll()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
        model.runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                timer.stop();
            }
        });
    }

    public Node node() {
        return root;
    }
}
