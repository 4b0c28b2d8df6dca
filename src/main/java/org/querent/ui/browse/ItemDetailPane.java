package org.querent.ui.browse;

import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.querent.session.BrowseQueries.BrowseItem;

/** The right-hand pane of the browser: what the selected item is, what it looks like, what was decided about it. */
final class ItemDetailPane {
    private static final double THUMBNAIL = 320;

    private final ItemDetailViewModel model;
    private final VBox content = new VBox(10);
    private final ScrollPane root = new ScrollPane(content);
    private final Label title = new Label();
    private final Label facts = new Label();
    private final Label predicted = new Label();
    private final TextArea text = new TextArea();
    private final ImageView image = new ImageView();
    private final Label problem = new Label();
    private final VBox history = new VBox(6);
    private final Button labelButton = new Button("Label this item");

    ItemDetailPane(ItemDetailViewModel model, Consumer<BrowseItem> open) {
        this.model = model;
        root.getStyleClass().add("detail-pane");
        root.setFitToWidth(true);
        content.setPadding(new Insets(12));
        title.getStyleClass().add("subtitle");
        title.setWrapText(true);
        facts.getStyleClass().add("muted");
        facts.setWrapText(true);
        predicted.getStyleClass().add("detail-predicted");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(14);
        text.getStyleClass().add("item-text");
        image.setPreserveRatio(true);
        image.setFitWidth(THUMBNAIL);
        image.setFitHeight(THUMBNAIL);
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        labelButton.setDefaultButton(false);
        labelButton.setOnAction(e -> open.accept(model.itemProperty().get()));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.loadingProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, title, grow, spinner);

        Label historyTitle = new Label("History");
        historyTitle.getStyleClass().add("section-title");
        content.getChildren().setAll(header, facts, predicted, labelButton, problem, image, text, historyTitle, history);

        model.itemProperty().addListener((obs, old, now) -> showItem(now));
        model.textProperty().addListener((obs, old, now) -> showText(now));
        model.imageUrlProperty().addListener((obs, old, now) -> showImage(now));
        problem.textProperty().bind(model.problemProperty());
        managedWhenVisible(problem);
        problem.visibleProperty().bind(Bindings.isNotEmpty(model.problemProperty()));
        model.history().addListener((ListChangeListener<HistoryLine>) c -> showHistory());
        showItem(null);
    }

    Node node() {
        return root;
    }

    private void showItem(BrowseItem item) {
        boolean some = item != null;
        title.setText(some ? fileName(item.row().path()) : "No item selected");
        facts.setText(some ? describe(item) : "Select a row to see its content and history. Enter or a double-click "
                + "opens it for labelling.");
        predicted.setText(some && !model.predictedText().isEmpty() ? "Predicted: " + model.predictedText() : "");
        for (Node n : new Node[] {predicted, labelButton, text, image}) {
            managedWhenVisible(n);
        }
        predicted.setVisible(!predicted.getText().isEmpty());
        labelButton.setVisible(some && ItemStatus.of(item.row()).canBeLabelled());
        text.setVisible(false);
        image.setVisible(false);
        image.setImage(null);
    }

    private void showText(String body) {
        text.setText(body);
        text.setVisible(body != null && !body.isEmpty());
    }

    private void showImage(String url) {
        // Background loading: JavaFX decodes and scales on its own thread, never on the FX thread.
        image.setImage(url == null ? null : new Image(url, THUMBNAIL, THUMBNAIL, true, true, true));
        image.setVisible(url != null);
    }

    private void showHistory() {
        history.getChildren().clear();
        if (model.history().isEmpty()) {
            Label none = new Label("No decisions yet.");
            none.getStyleClass().add("muted");
            history.getChildren().add(none);
            return;
        }
        for (HistoryLine line : model.history()) {
            history.getChildren().add(entry(line));
        }
    }

    private static Node entry(HistoryLine line) {
        Label what = new Label(line.what() + (line.undone() ? "  (undone)" : ""));
        what.getStyleClass().add("history-what");
        what.setWrapText(true);
        Label who = new Label(line.who() + " · " + line.when());
        who.getStyleClass().add("muted");
        VBox box = new VBox(2, what, who);
        if (!line.outcome().isEmpty()) {
            Label outcome = new Label(line.outcome());
            outcome.getStyleClass().add(line.outcome().startsWith("accepted") ? "outcome-accepted" : "outcome-corrected");
            box.getChildren().add(outcome);
        }
        if (!line.provenance().isEmpty()) {
            Label provenance = new Label(line.provenance());
            provenance.getStyleClass().add("hint");
            box.getChildren().add(provenance);
        }
        box.getStyleClass().add("history-entry");
        if (line.undone()) {
            box.getStyleClass().add("undone");
        }
        return box;
    }

    private static String describe(BrowseItem item) {
        ItemStatus status = ItemStatus.of(item.row());
        String where = BrowseTable.pathOf(item);
        String label = item.row().labels().isEmpty() ? "" : " · " + String.join(", ", item.row().labels());
        return "#" + item.id() + " · " + where + " · " + item.row().kind().name().toLowerCase(java.util.Locale.ROOT)
                + " · " + status.displayName() + label;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static void managedWhenVisible(Node node) {
        if (!node.managedProperty().isBound()) {
            node.managedProperty().bind(node.visibleProperty());
        }
    }
}
