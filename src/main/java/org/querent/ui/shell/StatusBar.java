package org.querent.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: project, model version and when it last trained, a training spinner, and messages. */
public final class StatusBar extends HBox {
    private final Label project = new Label();
    private final Label model = new Label();
    private final Label message = new Label();
    private final ProgressIndicator training = new ProgressIndicator();

    public StatusBar() {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);
        project.setId("status-project");
        model.setId("status-model");
        message.setId("status-message");
        message.getStyleClass().add("muted");
        training.setPrefSize(14, 14);
        training.setVisible(false);
        training.setManaged(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(project, message, gap, training, model);
    }

    public Label projectLabel() {
        return project;
    }

    public Label modelLabel() {
        return model;
    }

    public Label messageLabel() {
        return message;
    }

    public void setTraining(boolean running) {
        training.setVisible(running);
        training.setManaged(running);
    }
}
