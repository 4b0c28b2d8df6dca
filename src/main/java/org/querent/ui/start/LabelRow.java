package org.querent.ui.start;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the taxonomy: a label's name, description and key, plus what is wrong with it. */
final class LabelRow {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError");
    private final ReadOnlyStringWrapper keyError = new ReadOnlyStringWrapper(this, "keyError");

    LabelRow(String name, String description, String key) {
        this.name.set(name);
        this.description.set(description);
        this.key.set(key);
    }

    StringProperty nameProperty() {
        return name;
    }

    StringProperty descriptionProperty() {
        return description;
    }

    StringProperty keyProperty() {
        return key;
    }

    ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty keyErrorProperty() {
        return keyError.getReadOnlyProperty();
    }

    String name() {
        return name.get() == null ? "" : name.get().trim();
    }

    String description() {
        return description.get() == null ? "" : description.get().trim();
    }

    String key() {
        return key.get() == null ? "" : key.get();
    }

    void setErrors(String nameProblem, String keyProblem) {
        nameError.set(nameProblem);
        keyError.set(keyProblem);
    }
}
