package org.querent.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's own dialogs: a moved dataset folder, a warning, choosing a project file (the key list is ui.common.KeyHelp). */
final class ShellDialogs {
    private final Window owner;

    ShellDialogs(Window owner) {
        this.owner = owner;
    }

    /** Asks where the moved dataset folder is now; empty when the person gives up. */
    Optional<Path> locateDataFolder(String problem) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle("Querent");
        alert.setHeaderText("The dataset folder has moved");
        // The CLI's remedy ("re-point it with querent relocate") is replaced by the button here.
        alert.setContentText(problem.replaceAll(": re-point it with .*", "")
                + "\n\nLocate the folder to continue. Your decisions are safe in the project file.");
        ButtonType locate = new ButtonType("Locate folder…", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(locate, ButtonType.CANCEL);
        alert.getDialogPane().setId("data-moved-dialog");
        if (alert.showAndWait().orElse(ButtonType.CANCEL) != locate) {
            return Optional.empty();
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Where is the dataset folder now?");
        File folder = chooser.showDialog(owner);
        return Optional.ofNullable(folder).map(File::toPath);
    }

    Optional<Path> chooseProject() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Querent project");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Querent projects", "*.querent"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    void warn(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle("Querent");
        alert.setHeaderText(header);
        alert.setContentText(text);
        alert.show();
    }
}
