package org.querent.ui.team;

import java.util.Optional;

import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Small dialogs of the team screens, styled like the window that owns them. */
final class Dialogs {
    private Dialogs() {
    }

    /** Gives a dialog its owner and the owner's stylesheets (theme and text size). */
    static void own(Dialog<?> dialog, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
                dialog.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
            }
        }
    }

    /** Asks for a reason; empty when cancelled or left blank. */
    static Optional<String> reason(Window owner, String title, String header, String id) {
        TextInputDialog dialog = new TextInputDialog();
        own(dialog, owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getEditor().setId(id);
        dialog.getEditor().setPrefColumnCount(36);
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }
}
