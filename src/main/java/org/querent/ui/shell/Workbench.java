package org.querent.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.querent.ui.browse.BrowseView;
import org.querent.ui.label.LabelView;
import org.querent.ui.label.LabelViewModel;
import org.querent.ui.progress.ProgressView;
import org.querent.ui.team.TeamScreens;

/** An open project: Label, Browse, Progress, Review and Taxonomy screens behind a tab bar, with the status bar below. */
public final class Workbench {
    /** The screens, in tab order (Ctrl+1..5). */
    public enum Screen { LABEL, BROWSE, PROGRESS, REVIEW, TAXONOMY }

    private final BorderPane root = new BorderPane();
    private final ToggleGroup tabs = new ToggleGroup();
    private final LabelView labelView;
    private final LabelViewModel labelModel;
    private final BrowseView browseView;
    private final ProgressView progressView;
    private final TeamScreens team;

    public Workbench(String projectName, LabelView labelView, LabelViewModel labelModel, BrowseView browseView,
                     ProgressView progressView, TeamScreens team) {
        this.team = team;
        this.labelView = labelView;
        this.labelModel = labelModel;
        this.browseView = browseView;
        this.progressView = progressView;
        Label name = new Label(projectName);
        name.getStyleClass().add("subtitle");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, tab("Label", "tab-label", Screen.LABEL), tab("Browse", "tab-browse", Screen.BROWSE),
                tab("Progress", "tab-progress", Screen.PROGRESS), tab("Review", "tab-review", Screen.REVIEW),
                tab("Taxonomy", "tab-taxonomy", Screen.TAXONOMY), gap, team.identityLine(), name);
        bar.getStyleClass().add("nav-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        root.setTop(bar);
        labelModel.setOnModelTrained(progressView::refresh);
        show(Screen.LABEL);
    }

    public Node node() {
        return root;
    }

    public LabelViewModel labelModel() {
        return labelModel;
    }

    public TeamScreens team() {
        return team;
    }

    public void show(Screen screen) {
        tabs.getToggles().forEach(t -> t.setSelected(t.getUserData() == screen));
        switch (screen) {
            case LABEL -> {
                root.setCenter(labelView.node());
                labelView.focus();
            }
            case BROWSE -> {
                root.setCenter(browseView.node());
                browseView.refresh();
            }
            case PROGRESS -> {
                root.setCenter(progressView.node());
                progressView.refresh();
            }
            case REVIEW -> {
                root.setCenter(team.review().node());
                team.review().refresh();
            }
            case TAXONOMY -> {
                root.setCenter(team.taxonomy().node());
                team.taxonomy().refresh();
            }
            default -> throw new IllegalArgumentException(String.valueOf(screen));
        }
    }

    /** The version in use or the labels changed: Progress and the label view's figures are read again. */
    public void modelOrLabelsChanged() {
        progressView.refresh();
        labelModel.reload();
    }

    /** Shows the labelling screen with an item in front. */
    public void label(long itemId) {
        show(Screen.LABEL);
        labelModel.open(itemId);
    }

    private ToggleButton tab(String text, String id, Screen screen) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(screen);
        b.setToggleGroup(tabs);
        b.setFocusTraversable(false);
        b.setOnAction(e -> show(screen));
        return b;
    }
}
