package org.querent.ui.start;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.querent.store.LabelDefinition;

/**
 * The taxonomy page: label rows (name, description, key), single- or multi-label, and whether the labels of
 * class sub-folders become seed decisions. Validates as the user types.
 */
final class TaxonomyStepModel {
    private final ObservableList<LabelRow> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.nameProperty(), row.keyProperty()});
    private final ObservableList<String> folderNames = FXCollections.observableArrayList();
    private final BooleanProperty multiLabel = new SimpleBooleanProperty(this, "multiLabel", false);
    private final BooleanProperty labelsFromFolders = new SimpleBooleanProperty(this, "labelsFromFolders", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper folderHint = new ReadOnlyStringWrapper(this, "folderHint", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);

    TaxonomyStepModel() {
        rows.addListener((Observable o) -> validate());
        labelsFromFolders.addListener((Observable o) -> validate());
        folderNames.addListener((Observable o) -> validate());
        addLabel();
        addLabel();
    }

    // ---- properties

    ObservableList<LabelRow> rows() {
        return rows;
    }

    /** Names of the class sub-folders the scan found (fewer than two: none offered). */
    ObservableList<String> folderNames() {
        return folderNames;
    }

    BooleanProperty multiLabelProperty() {
        return multiLabel;
    }

    BooleanProperty labelsFromFoldersProperty() {
        return labelsFromFolders;
    }

    /** What keeps the page from being valid as a whole (not tied to one row), or null. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A note about folder labels that will not be used, or "". */
    ReadOnlyStringProperty folderHintProperty() {
        return folderHint.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    // ---- commands

    /** Adds an empty row with the next free default key; returns it so the view can focus it. */
    LabelRow addLabel() {
        LabelRow row = new LabelRow("", "", HotkeyRules.nextFree(rows.stream().map(LabelRow::key).toList()));
        rows.add(row);
        return row;
    }

    void remove(LabelRow row) {
        rows.remove(row);
    }

    void moveUp(LabelRow row) {
        move(row, -1);
    }

    void moveDown(LabelRow row) {
        move(row, +1);
    }

    /** Replaces the rows by the folder names, keeping descriptions already typed for the same names. */
    void useFolderNames() {
        Map<String, String> descriptions = new HashMap<>();
        rows.forEach(r -> descriptions.put(r.name(), r.description()));
        List<LabelRow> fresh = new ArrayList<>();
        for (String folder : folderNames) {
            String key = HotkeyRules.nextFree(fresh.stream().map(LabelRow::key).toList());
            fresh.add(new LabelRow(folder, descriptions.getOrDefault(folder, ""), key));
        }
        rows.setAll(fresh);
        labelsFromFolders.set(true);
    }

    /** Called once the dataset is scanned: offers its class sub-folders. */
    void setFolderNames(List<String> names) {
        folderNames.setAll(names.size() >= 2 ? names : List.of());
        if (folderNames.isEmpty()) {
            labelsFromFolders.set(false);
        }
    }

    /** The taxonomy to store, in row order (an empty key is stored as no key). */
    List<LabelDefinition> definitions() {
        return rows.stream().map(r -> new LabelDefinition(r.name(), r.description().isEmpty() ? null : r.description(),
                r.key().isEmpty() ? null : r.key())).toList();
    }

    private void move(LabelRow row, int delta) {
        int from = rows.indexOf(row);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= rows.size()) {
            return;
        }
        // Swap by setAll so the view sees one change, not a remove that would drop focus mid-way.
        List<LabelRow> reordered = new ArrayList<>(rows);
        reordered.set(from, rows.get(to));
        reordered.set(to, row);
        rows.setAll(reordered);
    }

    private void validate() {
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        for (LabelRow r : rows) {
            names.merge(r.name(), 1, Integer::sum);
            if (!r.key().isEmpty()) {
                keys.merge(HotkeyRules.normal(r.key()), 1, Integer::sum);
            }
        }
        boolean rowsOk = true;
        for (LabelRow r : rows) {
            String nameProblem = nameProblem(r.name(), names);
            String keyProblem = HotkeyRules.problem(r.key());
            if (keyProblem == null && !r.key().isEmpty() && keys.get(HotkeyRules.normal(r.key())) > 1) {
                keyProblem = "key " + r.key() + " is used twice";
            }
            r.setErrors(nameProblem, keyProblem);
            rowsOk &= nameProblem == null && keyProblem == null;
        }
        problem.set(rows.size() < 2 ? "A taxonomy needs at least two labels." : null);
        valid.set(rowsOk && rows.size() >= 2);
        updateFolderHint();
    }

    private static String nameProblem(String name, Map<String, Integer> names) {
        if (name.isEmpty()) {
            return "name the label or remove the row";
        }
        if (name.contains(",")) {
            return "no commas in label names";
        }
        if (names.get(name) > 1) {
            return "'" + name + "' is listed twice";
        }
        return null;
    }

    private void updateFolderHint() {
        if (!labelsFromFolders.get()) {
            folderHint.set("");
            return;
        }
        List<String> names = rows.stream().map(LabelRow::name).toList();
        List<String> unused = folderNames.stream().filter(f -> !names.contains(f)).toList();
        folderHint.set(unused.isEmpty() ? ""
                : "Items in " + String.join(", ", unused) + " get no label: their folder is not a label.");
    }
}
