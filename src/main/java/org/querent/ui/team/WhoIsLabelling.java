package org.querent.ui.team;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.querent.session.OpenProject;
import org.querent.session.TeamDesk;
import org.querent.store.Person;
import org.querent.team.Role;
import org.querent.ui.common.ErrorDialogs;
import org.querent.ui.task.TaskRunner.Lane;
import org.querent.ui.workbench.WorkbenchContext;

/**
 * "Who is labelling?" when a project opens: choose yourself among the project's people or add yourself. The name
 * is remembered in the user's settings (per OS user) and goes on every decision. A one-person project (nobody
 * registered) is not asked; there the dialog is offered from the label view, to start a team with yourself as lead.
 */
public final class WhoIsLabelling {
    private WhoIsLabelling() {
    }

    /**
     * What the person chose.
     *
     * @param newRole  the role to register them with, or null when they are already in the project (or stay solo)
     * @param addedBy  the lead who adds them (in a team), or null
     */
    record Choice(String name, Role newRole, String addedBy) {
    }

    /** The project's people, read off the UI thread. */
    record Roster(boolean team, List<Person> people) {
        List<String> leads() {
            return people.stream().filter(p -> Role.LEAD.id().equals(p.role())).map(Person::name).toList();
        }
    }

    /**
     * Finds out who is labelling, then calls {@code then} with the name on the UI thread.
     *
     * @param always   ask even in a one-person project (the person asked to change)
     * @param onCancel called when the person closes the dialog without choosing
     */
    public static void ask(WorkbenchContext context, OpenProject project, boolean always, Consumer<String> then,
                           Runnable onCancel) {
        context.tasks().run(Lane.READS, () -> {
            TeamDesk team = project.team();
            return new Roster(team.isTeam(), team.people());
        }, roster -> {
            String remembered = context.settings().annotator();
            if (!roster.team() && !always) {
                then.accept(remembered);
                return;
            }
            choose(context, project, roster, remembered, null, then, onCancel);
        }, error -> {
            context.showError("Could not read the project's people", error);
            onCancel.run();
        });
    }

    private static void choose(WorkbenchContext context, OpenProject project, Roster roster, String remembered,
                               String problem, Consumer<String> then, Runnable onCancel) {
        Optional<Choice> choice = dialog(context, roster, remembered, problem).showAndWait();
        if (choice.isEmpty()) {
            onCancel.run();
            return;
        }
        Choice c = choice.get();
        if (c.newRole() == null) {
            context.settings().setAnnotator(c.name());
            then.accept(c.name());
            return;
        }
        context.tasks().run(Lane.DECISIONS, () -> project.team().register(c.name(), c.newRole(), c.addedBy(),
                "joined in the workstation"), person -> {
            context.settings().setAnnotator(person.name());
            then.accept(person.name());
        }, error -> Platform.runLater(() -> choose(context, project, roster, c.name(), ErrorDialogs.message(error), then,
                onCancel)));
    }

    static Dialog<Choice> dialog(WorkbenchContext context, Roster roster, String remembered, String problem) {
        Dialog<Choice> dialog = new Dialog<>();
        Dialogs.own(dialog, context.window());
        dialog.setTitle("Who is labelling?");
        dialog.setHeaderText(roster.team() ? "Choose yourself: your name goes on every decision, and your role decides "
                + "what you may do." : "This project has no team yet: decisions carry the name below.");
        dialog.getDialogPane().setId("who-dialog");

        ListView<Person> people = new ListView<>();
        people.setId("people-list");
        people.getItems().setAll(roster.people());
        people.setPrefHeight(Math.min(8, Math.max(3, roster.people().size())) * 30 + 4);
        people.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Person p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + "  —  " + p.role());
            }
        });
        // Only the remembered name is chosen ahead: Enter must never label as somebody else by default.
        roster.people().stream().filter(p -> p.name().equals(remembered)).findFirst()
                .ifPresent(p -> people.getSelectionModel().select(p));

        TextField name = new TextField();
        name.setId("new-name");
        name.setPromptText("your name");
        ComboBox<Role> role = new ComboBox<>();
        role.setId("new-role");
        role.getItems().setAll(Role.values());
        role.setValue(Role.ANNOTATOR);
        role.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : r.id();
            }

            @Override
            public Role fromString(String s) {
                return Role.parse(s);
            }
        });
        ComboBox<String> addedBy = new ComboBox<>();
        addedBy.setId("added-by");
        addedBy.getItems().setAll(roster.leads());
        if (!roster.leads().isEmpty()) {
            addedBy.setValue(roster.leads().get(0));
        }
        CheckBox startTeam = new CheckBox("Start a team with me as its lead (roles are enforced from then on)");
        startTeam.setId("start-team");
        Label error = new Label(problem == null ? "" : problem);
        error.setId("who-problem");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);

        VBox box = new VBox(10);
        box.setPadding(new Insets(4, 0, 0, 0));
        box.setPrefWidth(520);
        if (roster.team()) {
            GridPane add = new GridPane();
            add.setHgap(10);
            add.setVgap(8);
            add.addRow(0, new Label("Name"), name);
            add.addRow(1, new Label("Role"), role);
            add.addRow(2, new Label("Added by (a lead)"), addedBy);
            Label addHint = new Label("Not in the list? Add yourself; a lead of the project is named as adding you.");
            addHint.getStyleClass().add("hint");
            addHint.setWrapText(true);
            box.getChildren().addAll(people, new Separator(), addHint, add);
        } else {
            name.setText(remembered);
            Label hint = new Label("Without a team every action is allowed. A team's lead manages people and the "
                    + "taxonomy; reviewers approve others' labels.");
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            box.getChildren().addAll(new Label("Your name"), name, startTeam, hint);
        }
        box.getChildren().add(error);
        dialog.getDialogPane().setContent(box);
        ButtonType start = new ButtonType("Start labelling", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(start, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(start);
        ok.setId("who-ok");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String problemNow = problemOf(roster, name.getText(), people.getSelectionModel().getSelectedItem(),
                    addedBy.getValue());
            if (problemNow != null) {
                error.setText(problemNow);
                e.consume();
            }
        });
        dialog.setResultConverter(button -> {
            if (button != start) {
                return null;
            }
            String typed = name.getText() == null ? "" : name.getText().strip();
            if (!roster.team()) {
                return new Choice(typed, startTeam.isSelected() ? Role.LEAD : null, null);
            }
            if (!typed.isEmpty()) {
                Optional<Person> known = roster.people().stream().filter(p -> p.name().equals(typed)).findFirst();
                return known.isPresent() ? new Choice(typed, null, null) : new Choice(typed, role.getValue(),
                        addedBy.getValue());
            }
            return new Choice(people.getSelectionModel().getSelectedItem().name(), null, null);
        });
        dialog.setOnShown(e -> Platform.runLater((roster.team() ? people : name)::requestFocus));
        // The arrow keys choose a person wherever the focus is (but in the role and lead lists); Enter confirms.
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof ComboBox<?>)) {
                ok.fire(); // the list would keep Enter for itself
                e.consume();
                return;
            }
            if (roster.team() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)
                    && !(e.getTarget() instanceof ComboBox<?>) && e.getTarget() != people) {
                if (e.getCode() == KeyCode.UP) {
                    people.getSelectionModel().selectPrevious();
                } else {
                    people.getSelectionModel().selectNext();
                }
                e.consume();
            }
        });
        return dialog;
    }

    /** Why the choice cannot be taken yet, or null. */
    static String problemOf(Roster roster, String typed, Person selected, String addedBy) {
        String name = typed == null ? "" : typed.strip();
        if (!roster.team()) {
            return name.isEmpty() ? "Type your name: it goes on every decision." : null;
        }
        if (name.isEmpty()) {
            return selected == null ? "Choose yourself in the list, or type your name to add yourself." : null;
        }
        boolean known = roster.people().stream().anyMatch(p -> p.name().equals(name));
        if (!known && (addedBy == null || addedBy.isBlank())) {
            return "Choose the lead who adds you.";
        }
        return null;
    }
}
