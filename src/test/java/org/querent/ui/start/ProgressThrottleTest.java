package org.querent.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressThrottleTest {
    @Test
    void rowsInsideALargeTableAreShownBesideTheFileCount() {
        assertEquals(" (reviews.csv, row 340,000)", ProgressThrottle.rowsOf("reviews.csv, row 340,000"));
        assertEquals("", ProgressThrottle.rowsOf("cats/a.png"));
        assertEquals("", ProgressThrottle.rowsOf(null));
    }
}
