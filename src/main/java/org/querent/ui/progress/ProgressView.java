package org.querent.ui.progress;

import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.querent.session.ProgressFigures.Totals;
import org.querent.ui.progress.ProgressViewModel.AcceptanceRow;
import org.querent.ui.workbench.WorkbenchContext;

/**
 * Progress of the project: labels per class, learning curve, pre-label acceptance, labels per hour, the stopping
 * signal, figures by source, agreement and the model versions.
 */
public final class ProgressView {
    private final ProgressViewModel model;
    private final StoppingSignalCard stopping;
    private final AgreementCard agreement;
    private final SourceCard sources;
    private final GateCard gate;
    private final WorkbenchContext context;
    private final ScrollPane root;

    public ProgressView(WorkbenchContext context) {
        this.model = new ProgressViewModel(context.tasks(), context::project, () -> context.settings().annotator());
        this.context = context;
        this.stopping = new StoppingSignalCard(context.tasks());
        this.agreement = new AgreementCard(context.tasks());
        this.sources = new SourceCard(context.tasks());
        this.gate = new GateCard(context.tasks(), () -> {
            org.querent.session.OpenProject open = context.project();
            return open != null && open.session() != null ? open.session().annotator() : context.settings().annotator();
        });
        GridPane cards = new GridPane();
        cards.setHgap(14);
        cards.setVgap(14);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        cards.getColumnConstraints().setAll(half, half);
        cards.add(card("Labels per class", ProgressCharts.labelsPerClass(model.labelsPerClass())), 0, 0);
        cards.add(card("Learning curve", learningCurve()), 1, 0);
        cards.add(card("Pre-labels accepted", acceptShare()), 0, 1);
        cards.add(card("Pace", pace()), 1, 1);
        cards.add(card("Model in use and the evaluation gate", gate.node()), 0, 2, 2, 1);
        cards.add(card("Can I stop?", stopping.node()), 0, 3, 2, 1);
        cards.add(card("By source", sources.node()), 0, 4, 2, 1);
        cards.add(card("Agreement between annotators", agreement.node()), 0, 5, 2, 1);
        cards.add(card("Model versions", VersionsTable.of(model.versions())), 0, 6, 2, 1);

        VBox page = new VBox(14, header(), totals(), problem(), cards);
        page.setPadding(new Insets(16));
        page.getStyleClass().add("progress-view");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.getStylesheets().add(ProgressView.class.getResource("progress.css").toExternalForm());
    }

    public Node node() {
        return root;
    }

    /** Reloads from the project (called when the view is shown and after each retrain). */
    public void refresh() {
        model.refresh();
        stopping.refresh(context.project());
        agreement.refresh(context.project());
        sources.refresh(context.project());
        gate.refresh(context.project());
    }

    private Node header() {
        Label title = new Label("Progress");
        title.getStyleClass().add("title");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.loadingProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(10, title, grow, spinner, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node totals() {
        HBox strip = new HBox(12);
        strip.setId("totals");
        strip.getChildren().addAll(
                tile("Items", t -> number(t.items())),
                tile("Scored", t -> t.scored() == null ? "—" : number(t.scored())),
                tile("Labelled", t -> number(t.labelled())),
                tile("Flagged", t -> number(t.flagged())),
                tile("Skipped", t -> number(t.skipped())),
                tile("Quarantined", t -> number(t.quarantined())));
        strip.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        return strip;
    }

    private Node tile(String caption, Function<Totals, String> figure) {
        Label value = new Label("—");
        value.getStyleClass().add("tile-value");
        value.textProperty().bind(Bindings.createStringBinding(
                () -> model.totalsProperty().get() == null ? "—" : figure.apply(model.totalsProperty().get()),
                model.totalsProperty()));
        Label name = new Label(caption);
        name.getStyleClass().add("muted");
        VBox tile = new VBox(2, value, name);
        tile.getStyleClass().addAll("card", "tile");
        tile.setId("total-" + caption.toLowerCase(Locale.ROOT));
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }

    private Node problem() {
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(Bindings.isNotEmpty(model.problemProperty()));
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private Node learningCurve() {
        LineChart<Number, Number> chart = ProgressCharts.learningCurve(model.curve());
        Label hint = new Label(ProgressViewModel.CURVE_HINT);
        hint.getStyleClass().addAll("hint", "chart-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(300);
        hint.visibleProperty().bind(Bindings.isEmpty(model.curve()));
        return new StackPane(chart, hint);
    }

    private Node acceptShare() {
        Label summary = new Label();
        summary.getStyleClass().add("big-figure");
        summary.textProperty().bind(model.acceptSummaryProperty());
        VBox rows = new VBox(6);
        model.acceptance().addListener((ListChangeListener<AcceptanceRow>) c -> {
            rows.getChildren().setAll(model.acceptance().stream().map(ProgressView::acceptanceRow).toList());
        });
        Label note = new Label("Per model version that made the pre-label; corrected means the annotator chose another label.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        VBox box = new VBox(10, summary, rows, note);
        box.setId("accept-share");
        return box;
    }

    private static Node acceptanceRow(AcceptanceRow row) {
        Label source = new Label(row.source());
        source.setMinWidth(70);
        ProgressBar share = new ProgressBar(row.share());
        share.getStyleClass().add("accept-bar");
        share.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(share, Priority.ALWAYS);
        Label counts = new Label(row.accepted() + " accepted · " + row.corrected() + " corrected");
        counts.getStyleClass().add("muted");
        HBox line = new HBox(10, source, share, counts);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node pace() {
        Label headline = new Label();
        headline.getStyleClass().add("big-figure");
        headline.textProperty().bind(model.paceHeadlineProperty());
        Label detail = new Label();
        detail.getStyleClass().add("muted");
        detail.textProperty().bind(model.paceDetailProperty());
        Label note = new Label("Over your recent decisions; pauses longer than 10 minutes are left out.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        VBox box = new VBox(8, headline, detail, note);
        box.setId("pace");
        return box;
    }

    private static Node card(String title, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("subtitle");
        VBox card = new VBox(10, heading, content);
        card.getStyleClass().add("card");
        VBox.setVgrow(content, Priority.ALWAYS);
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }

    private static String number(int n) {
        return String.format(Locale.getDefault(Locale.Category.FORMAT), "%,d", n);
    }
}
