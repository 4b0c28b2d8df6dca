package org.querent.ui.browse;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.querent.ui.workbench.WorkbenchContext;

/**
 * The data browser: every item of the project in a table with a filter, a search box and a detail pane.
 * Enter or a double-click on a row opens the item in the labelling view.
 */
public final class BrowseView {
    /** Typing pauses shorter than this are one search, not one per key. */
    static final Duration SEARCH_DEBOUNCE = Duration.millis(200);

    private final BrowseViewModel model;
    private final BorderPane root = new BorderPane();

    public BrowseView(WorkbenchContext context) {
        this.model = new BrowseViewModel(context.tasks(), context::project, context::labelItem);
        BrowseTable table = new BrowseTable(model.items(), model::open);
        ItemDetailPane detail = new ItemDetailPane(model.detail(), model::open);
        table.node().getSelectionModel().selectedItemProperty()
                .addListener((obs, old, now) -> model.detail().show(now));

        SplitPane split = new SplitPane(table.node(), detail.node());
        split.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(detail.node(), false);

        root.getStyleClass().add("browse-view");
        root.getStylesheets().add(BrowseView.class.getResource("browse.css").toExternalForm());
        root.setTop(new VBox(toolbar(), notice()));
        root.setCenter(split);
        root.setBottom(pageBar());
    }

    public Node node() {
        return root;
    }

    /** Reloads from the project (called when the view is shown and after decisions). */
    public void refresh() {
        model.refresh();
    }

    private Node toolbar() {
        Label title = new Label("Browse");
        title.getStyleClass().add("title");

        ComboBox<org.querent.session.BrowseFilter> filter = new ComboBox<>(model.filters());
        filter.setId("browse-filter");
        filter.valueProperty().bindBidirectional(model.filterProperty());
        filter.setVisibleRowCount(16);
        filter.setTooltip(new Tooltip("Which items to show"));

        TextField search = new TextField();
        search.setId("browse-search");
        search.setPromptText("Search path or text…");
        search.setPrefColumnCount(24);
        PauseTransition debounce = new PauseTransition(SEARCH_DEBOUNCE);
        debounce.setOnFinished(e -> model.searchProperty().set(search.getText()));
        search.textProperty().addListener((obs, old, now) -> debounce.playFromStart());
        search.setOnAction(e -> {
            debounce.stop();
            model.searchProperty().set(search.getText()); // Enter searches at once
        });

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.loadingProperty());

        Label count = new Label();
        count.setId("browse-count");
        count.getStyleClass().add("muted");
        count.textProperty().bind(model.countProperty());

        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, title, filter, search, grow, spinner, count, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("browse-toolbar");
        bar.setPadding(new Insets(10, 12, 10, 12));
        return bar;
    }

    /** ◀ 1,001–2,000 ▶ under the table: the browser shows one page of matches at a time. */
    private Node pageBar() {
        Button previous = new Button("◀ Previous");
        previous.setId("browse-previous");
        previous.setOnAction(e -> model.previousPage());
        previous.disableProperty().bind(model.hasPreviousProperty().not().or(model.loadingProperty()));

        Label range = new Label();
        range.setId("browse-page");
        range.getStyleClass().add("muted");
        range.textProperty().bind(model.pageRangeProperty());
        range.setTooltip(new Tooltip("Pages of " + String.format("%,d", BrowseViewModel.PAGE_SIZE)
                + " items in the order they were imported; a column header sorts the rows of this page"));

        Button next = new Button("Next ▶");
        next.setId("browse-next");
        next.setOnAction(e -> model.nextPage());
        next.disableProperty().bind(model.hasNextProperty().not().or(model.loadingProperty()));

        HBox bar = new HBox(10, previous, range, next);
        bar.setAlignment(Pos.CENTER);
        bar.getStyleClass().add("browse-pages");
        bar.setPadding(new Insets(6, 12, 6, 12));
        // One page is all most projects have: the bar appears when there is somewhere to go.
        bar.visibleProperty().bind(model.hasNextProperty().or(model.hasPreviousProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Node notice() {
        Label text = new Label();
        text.textProperty().bind(model.noticeProperty());
        text.setWrapText(true);
        text.setId("browse-notice");
        Button close = new Button("Dismiss");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> model.dismissNotice());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox banner = new HBox(10, text, grow, close);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("notice");
        banner.visibleProperty().bind(Bindings.isNotEmpty(model.noticeProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
