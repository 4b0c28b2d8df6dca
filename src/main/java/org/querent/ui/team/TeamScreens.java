package org.querent.ui.team;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.querent.session.TeamDesk;
import org.querent.ui.label.LabelViewModel;
import org.querent.ui.task.TaskRunner.Lane;
import org.querent.ui.workbench.WorkbenchContext;

/**
 * The team's screens of an open project (Review, Taxonomy) and the "labelling as" line, wired to the labelling
 * view: the same key table, the same person, and a taxonomy change reaches the label keys at once.
 */
public final class TeamScreens {
    private final WorkbenchContext context;
    private final LabelViewModel labelling;
    private final ReviewViewModel reviewModel;
    private final ReviewView review;
    private final TaxonomyView taxonomy;
    private final Runnable changePerson;

    /**
     * @param changePerson asks who is labelling again (and restarts labelling as them)
     */
    public TeamScreens(WorkbenchContext context, LabelViewModel labelling, Runnable changePerson) {
        this.context = context;
        this.labelling = labelling;
        this.changePerson = changePerson;
        this.reviewModel = new ReviewViewModel(context.tasks(), context::project, labelling::annotator);
        this.review = new ReviewView(reviewModel, labelling.keyTableProperty(), labelling::taxonomy);
        this.taxonomy = new TaxonomyView(context.tasks(), context::project, labelling::annotator, labels -> {
            labelling.taxonomyChanged(labels);
            review.refresh();
        });
        labelling.identityProperty().addListener((obs, a, who) -> {
            reviewModel.identityProperty().set(who);
            taxonomy.identityProperty().set(who);
        });
        loadIdentity();
    }

    /** Reads who is labelling and what they may do (off the UI thread). */
    public void loadIdentity() {
        String name = labelling.annotator();
        var open = context.project();
        if (open == null) {
            return;
        }
        context.tasks().run(Lane.READS, () -> new Loaded(open.team().identify(name), open.team().labels()), loaded -> {
            labelling.identityProperty().set(loaded.identity());
            if (!loaded.labels().equals(labelling.taxonomy())) {
                labelling.taxonomyChanged(loaded.labels()); // changed since the project was opened
            }
        }, error -> context.showError("Could not read the project's people", error));
    }

    private record Loaded(TeamDesk.Identity identity, java.util.List<org.querent.store.LabelDefinition> labels) {
    }

    public ReviewView review() {
        return review;
    }

    public TaxonomyView taxonomy() {
        return taxonomy;
    }

    /** "Labelling as ana (reviewer) · Change" for the workbench's bar. */
    public Node identityLine() {
        Label who = new Label();
        who.setId("labelling-as");
        who.getStyleClass().add("muted");
        who.textProperty().bind(labelling.identityProperty().map(i -> "Labelling as " + i.describe()
                + (i.inTeam() ? "" : " · no team")).orElse("Labelling as " + labelling.annotator()));
        Hyperlink change = new Hyperlink("Change…");
        change.setId("change-person");
        change.setFocusTraversable(false);
        change.setOnAction(e -> changePerson.run());
        HBox line = new HBox(2, who, change);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /** The identity record, once loaded (tests). */
    public TeamDesk.Identity identity() {
        return labelling.identityProperty().get();
    }
}
