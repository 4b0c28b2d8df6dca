package org.querent.ui.start;

/** The pages of the new-project wizard, in order, with the title and one-line explanation each shows. */
enum WizardStep {
    DATASET("Dataset", "Choose your data",
            "Pick the folder with your images, texts or tables. Querent reads it and shows what it can use."),
    MODEL("Model", "Choose a model",
            "The model turns each item into numbers the classifier learns from. Nothing leaves this computer."),
    TAXONOMY("Labels", "Define your labels",
            "Name the labels annotators choose from, with a key for each. Reorder them as they should appear."),
    GUIDELINE("Guideline", "Write a guideline",
            "Optional: how to decide borderline cases. Annotators see it while labelling; you can change it later.");

    private final String shortName;
    private final String title;
    private final String explanation;

    WizardStep(String shortName, String title, String explanation) {
        this.shortName = shortName;
        this.title = title;
        this.explanation = explanation;
    }

    String shortName() {
        return shortName;
    }

    String title() {
        return title;
    }

    String explanation() {
        return explanation;
    }

    boolean isFirst() {
        return ordinal() == 0;
    }

    boolean isLast() {
        return ordinal() == values().length - 1;
    }

    WizardStep next() {
        return isLast() ? this : values()[ordinal() + 1];
    }

    WizardStep previous() {
        return isFirst() ? this : values()[ordinal() - 1];
    }
}
