package org.querent.ui.start;

import java.util.Objects;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.querent.ui.common.Theme;
import org.querent.ui.workbench.WorkbenchContext;

/**
 * The new-project wizard: dataset folder, model, taxonomy, guideline. A modal window owned by the workbench;
 * Finish creates and imports the project in the background, closes the wizard and opens the project.
 */
public final class NewProjectWizard {
    /** Fits a 1366×768 laptop screen with room for the taskbar; the page scrolls if fonts are scaled up. */
    static final double WIDTH = 940;
    static final double HEIGHT = 680;

    private NewProjectWizard() {
    }

    /** Shows the wizard; on finish the created project is opened with {@link WorkbenchContext#openProject}. */
    public static void show(WorkbenchContext context) {
        open(context, new NewProjectViewModel(context.tasks()));
    }

    /** Shows the wizard over a given view-model (tests pass one with prepared services). Returns the window. */
    static Stage open(WorkbenchContext context, NewProjectViewModel vm) {
        Stage stage = new Stage();
        if (context.window() != null) {
            stage.initOwner(context.window());
            stage.initModality(Modality.WINDOW_MODAL);
        } else {
            stage.initModality(Modality.APPLICATION_MODAL);
        }
        stage.setTitle("New project – Querent");
        WizardView view = new WizardView(vm, () -> vm.finish(file -> {
            stage.close();
            context.openProject(file);
        }), stage::close);
        Scene scene = new Scene(view.node(), WIDTH, HEIGHT);
        Theme.apply(scene, context.settings().theme(), context.settings().fontScale());
        scene.getStylesheets().add(Objects.requireNonNull(
                NewProjectWizard.class.getResource("wizard.css"), "wizard.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(520);
        stage.setOnCloseRequest(e -> {
            if (vm.creatingProperty().get()) {
                e.consume(); // closing mid-import would leave a half-made project; Cancel stops it cleanly
                vm.cancelCreation();
            }
        });
        stage.show();
        return stage;
    }
}
