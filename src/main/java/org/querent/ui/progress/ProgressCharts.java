package org.querent.ui.progress;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.querent.session.ProgressFigures.ModelVersion;
import org.querent.ui.progress.ProgressViewModel.ClassCount;

/** The two charts of the progress view, kept in step with the view-model's lists. Not animated: data replaces data. */
final class ProgressCharts {
    private ProgressCharts() {
    }

    /** One bar per class, in taxonomy order. */
    static BarChart<String, Number> labelsPerClass(ObservableList<ClassCount> counts) {
        CategoryAxis classes = new CategoryAxis();
        NumberAxis labels = new NumberAxis();
        labels.setLabel("current labels");
        labels.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(classes, labels);
        chart.setId("labels-per-class");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(14);
        chart.setPrefHeight(260);
        Runnable fill = () -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            for (ClassCount c : counts) {
                series.getData().add(new XYChart.Data<>(c.label(), c.count()));
            }
            // Whole numbers only: "2.5 labels" ticks look broken.
            int max = counts.stream().mapToInt(ClassCount::count).max().orElse(0);
            labels.setAutoRanging(max >= 10);
            if (max < 10) {
                labels.setLowerBound(0);
                labels.setUpperBound(Math.max(max, 1) + 1);
                labels.setTickUnit(1);
            }
            classes.setCategories(javafx.collections.FXCollections.observableArrayList(
                    counts.stream().map(ClassCount::label).toList()));
            chart.getData().setAll(List.of(series));
        };
        counts.addListener((ListChangeListener<ClassCount>) c -> fill.run());
        fill.run();
        return chart;
    }

    /** Held-out accuracy and macro-F1 against the number of labels, one point per model version. */
    static LineChart<Number, Number> learningCurve(ObservableList<ModelVersion> curve) {
        NumberAxis labels = new NumberAxis();
        labels.setLabel("labels");
        labels.setAutoRanging(false); // auto-ranging spans a single point as 95..97
        NumberAxis score = new NumberAxis(0, 1, 0.1);
        score.setLabel("held-out score");
        LineChart<Number, Number> chart = new LineChart<>(labels, score);
        chart.setId("learning-curve");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(260);
        Runnable fill = () -> {
            XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();
            accuracy.setName("accuracy");
            XYChart.Series<Number, Number> macroF1 = new XYChart.Series<>();
            macroF1.setName("macro-F1");
            for (ModelVersion v : curve) {
                accuracy.getData().add(new XYChart.Data<>(v.labels(), v.accuracy()));
                macroF1.getData().add(new XYChart.Data<>(v.labels(), v.macroF1()));
            }
            chart.getData().setAll(List.of(accuracy, macroF1));
            double[] range = labelAxis(curve.stream().mapToInt(ModelVersion::labels).max().orElse(0));
            labels.setLowerBound(range[0]);
            labels.setUpperBound(range[1]);
            labels.setTickUnit(range[2]);
        };
        curve.addListener((ListChangeListener<ModelVersion>) c -> fill.run());
        fill.run();
        return chart;
    }

    /**
     * The label-count axis: from 0 to a round number above the most labels, in whole-label ticks (a
     * curve is read against how many labels it took, so 0 belongs on the axis).
     */
    static double[] labelAxis(int maxLabels) {
        double upper = 10;
        while (upper < maxLabels) {
            upper = upper * (String.valueOf((long) upper).startsWith("1") ? 2 : String.valueOf((long) upper).startsWith("2") ? 2.5 : 2);
        }
        double tick = Math.max(1, upper / 5);
        return new double[] {0, upper, tick};
    }
}
