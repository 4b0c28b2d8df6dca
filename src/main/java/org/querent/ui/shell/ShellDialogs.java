package org.querent.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's own dialogs: a moved dataset folder, a warning, the keyboard help, choosing a project file. */
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

    void showKeys() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Work with the keyboard alone");
        // One entry per line, never wrapped mid-entry: a monospaced, unwrapped label the dialog grows to fit.
        Label list = new Label("""
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
        list.setId("keys-list");
        list.setWrapText(false);
        list.setMinWidth(Region.USE_PREF_SIZE);
        list.setStyle("-fx-font-family: monospace;");
        alert.getDialogPane().setContent(list);
        alert.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        alert.setResizable(true);
        alert.show();
    }
}
