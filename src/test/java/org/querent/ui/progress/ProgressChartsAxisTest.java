package org.querent.ui.progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ProgressChartsAxisTest {
    @Test
    void aSinglePointGetsAnAxisFromZeroToARoundNumberInWholeLabels() {
        assertArrayEquals(new double[] {0, 100, 20}, ProgressCharts.labelAxis(96));
        assertArrayEquals(new double[] {0, 10, 2}, ProgressCharts.labelAxis(0));
        assertArrayEquals(new double[] {0, 10, 2}, ProgressCharts.labelAxis(7));
        assertArrayEquals(new double[] {0, 50, 10}, ProgressCharts.labelAxis(31));
        assertArrayEquals(new double[] {0, 500, 100}, ProgressCharts.labelAxis(420));
        assertArrayEquals(new double[] {0, 1000, 200}, ProgressCharts.labelAxis(600));
    }
}
