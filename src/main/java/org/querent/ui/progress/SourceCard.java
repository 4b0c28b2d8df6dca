package org.querent.ui.progress;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.querent.session.OpenProject;
import org.querent.session.Proportion;
import org.querent.session.SourceMonitorService.Callout;
import org.querent.session.SourceMonitorService.Finding;
import org.querent.session.SourceMonitorService.SourceFigures;
import org.querent.session.SourceMonitorService.SourceReport;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * Monitoring by source: per source folder, or per value of a CSV/JSONL column, the items, labels per class, the
 * unbiased audit accuracy with its 95% interval and pre-label acceptance; a source that is under-sampled or much
 * less accurate than the rest is called out, in its row and in a sentence that says what to do. Read on the
 * READS lane, like every card.
 */
final class SourceCard {
    static final String BY_FOLDER = "source folder";
    private static final String COLUMN = "column ";

    private final TaskRunner tasks;
    private final ComboBox<String> groupBy = new ComboBox<>();
    private final Label headline = new Label("One source");
    private final GridPane table = new GridPane();
    private final VBox callouts = new VBox(4);
    private final VBox box;
    private OpenProject open;
    /** Answers of an older request are dropped (the user may switch the grouping twice quickly). */
    private long generation;

    SourceCard(TaskRunner tasks) {
        this.tasks = tasks;
        groupBy.setId("sources-group");
        groupBy.getItems().setAll(BY_FOLDER);
        groupBy.setValue(BY_FOLDER);
        groupBy.setOnAction(e -> load());
        headline.setId("sources-headline");
        headline.getStyleClass().add("big-figure");
        table.setId("sources-table");
        table.setHgap(16);
        table.setVgap(3);
        callouts.setId("sources-callouts");
        Label by = new Label("Group by");
        by.getStyleClass().add("muted");
        HBox choose = new HBox(8, by, groupBy);
        choose.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("Audit accuracy: the pre-labels' accuracy on random audit picks (unbiased), with its "
                + "95% interval. Accepted: pre-labels kept among labels that had one (strategy picks are harder).");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        box = new VBox(8, choose, headline, table, callouts, note);
        box.setId("sources");
    }

    Node node() {
        return box;
    }

    /** Re-reads the columns to group by, then the figures of the grouping shown. */
    void refresh(OpenProject project) {
        if (project == null) {
            return;
        }
        this.open = project;
        long asked = ++generation;
        tasks.run(Lane.READS, project::segmentColumns, columns -> {
            if (asked != generation) {
                return;
            }
            List<String> choices = new java.util.ArrayList<>(List.of(BY_FOLDER));
            columns.forEach(c -> choices.add(COLUMN + c));
            String keep = groupBy.getValue();
            if (!groupBy.getItems().equals(choices)) {
                groupBy.getItems().setAll(choices);
                groupBy.setValue(choices.contains(keep) ? keep : BY_FOLDER);
            }
            load();
        }, this::failed);
    }

    private void load() {
        OpenProject project = open;
        String choice = groupBy.getValue();
        if (project == null || choice == null) {
            return;
        }
        String column = choice.startsWith(COLUMN) ? choice.substring(COLUMN.length()) : null;
        long asked = ++generation;
        tasks.run(Lane.READS, () -> project.sources(column), report -> {
            if (asked == generation) {
                show(report);
            }
        }, this::failed);
    }

    private void failed(Throwable error) {
        headline.setText("Could not read the sources");
        callouts.getChildren().setAll(new Label(error.getMessage()));
    }

    void show(SourceReport r) {
        table.getChildren().clear();
        callouts.getChildren().clear();
        int labelled = r.sources().stream().mapToInt(SourceFigures::labelled).sum();
        headline.setText(r.sources().size() + (r.sources().size() == 1 ? " source" : " sources") + " by "
                + r.groupedBy() + " · " + labelled + " labelled" + (r.callouts().isEmpty() ? ""
                : " · " + r.callouts().size() + " to look at"));
        header("Source", "Items", "Labelled", "Labels per class", "Audit accuracy (95%)", "Accepted", "");
        Map<String, Set<Finding>> findings = r.callouts().stream().collect(Collectors.groupingBy(Callout::source,
                Collectors.mapping(Callout::finding, Collectors.toSet())));
        int row = 1;
        for (SourceFigures f : r.sources()) {
            Set<Finding> found = findings.getOrDefault(f.source(), Set.of());
            String classes = f.labelsPerClass().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(" · "));
            List<Label> cells = List.of(cell(f.source()), cell(String.valueOf(f.items())),
                    cell(String.valueOf(f.labelled())), cell(classes), cell(audit(f.audit())),
                    cell(accepted(f.acceptance())), cell(found.stream().sorted().map(SourceCard::word)
                            .collect(Collectors.joining(", "))));
            if (!found.isEmpty()) {
                cells.forEach(c -> c.getStyleClass().add("attention"));
            }
            for (int i = 0; i < cells.size(); i++) {
                cells.get(i).setId("sources-" + row + "-" + i);
            }
            table.addRow(row++, cells.toArray(Node[]::new));
        }
        for (Callout c : r.callouts()) {
            Label line = new Label("⚠ " + c.text());
            line.getStyleClass().addAll("attention", "callout");
            line.setWrapText(true);
            callouts.getChildren().add(line);
        }
        if (r.sources().size() < 2) {
            Label one = new Label("Every item is in one " + (r.groupedBy().equals(BY_FOLDER) ? "folder" : "segment")
                    + ": nothing to compare.");
            one.getStyleClass().add("muted");
            callouts.getChildren().add(one);
        }
    }

    private static String word(Finding f) {
        return f == Finding.UNDER_SAMPLED ? "under-sampled" : "much less accurate";
    }

    private void header(String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Label l = new Label(titles[i]);
            l.getStyleClass().add("muted");
            table.add(l, i, 0);
        }
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.setAlignment(Pos.CENTER_LEFT);
        return l;
    }

    /** "80 % [49–94 %] of 10", or "—" without audit labels. */
    static String audit(Proportion p) {
        if (p.trials() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.0f %% [%.0f–%.0f %%] of %d", 100 * p.value(), 100 * p.low(), 100 * p.high(),
                p.trials());
    }

    /** "7 of 10 (70 %)", or "—" when no label had a pre-label. */
    static String accepted(Proportion p) {
        if (p.trials() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%d of %d (%.0f %%)", p.successes(), p.trials(), 100 * p.value());
    }
}
