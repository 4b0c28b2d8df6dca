package org.querent.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.querent.common.QuerentException;

/** Shows a failure as its short, actionable message, with the technical details one click away. */
public final class ErrorDialogs {
    private ErrorDialogs() {
    }

    /** The message a user reads: a QuerentException's own text, else a generic line naming the failure. */
    public static String message(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && !(e instanceof QuerentException)) {
            e = e.getCause();
        }
        if (e instanceof QuerentException) {
            return e.getMessage();
        }
        return "Something went wrong (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Nothing you decided was lost.";
    }

    public static void show(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Querent");
        alert.setHeaderText(title);
        alert.setContentText(message(error));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(12);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setId("error-dialog");
        alert.show();
    }
}
