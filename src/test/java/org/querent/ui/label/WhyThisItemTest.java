package org.querent.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.querent.store.RoundRepository.Selection;

class WhyThisItemTest {
    static Selection selection(Integer modelVersion, String predictor) {
        return new Selection(4, "2026-12-02T10:00:00Z", "margin", modelVersion, predictor, 300, 3, 0.12, null, null);
    }

    @Test
    void beforeAnyModelItSaysSoInsteadOfUsingNone() {
        String basis = LabelViewModel.basis(selection(null, "none"));
        assertFalse(basis.contains("none"), basis);
        assertTrue(basis.startsWith("before any model could predict"), basis);
    }

    @Test
    void aHeadOrTheZeroShotPredictorIsNamed() {
        assertEquals("using model v3", LabelViewModel.basis(selection(3, "head v3")));
        assertEquals("using zero-shot", LabelViewModel.basis(selection(null, "zero-shot")));
    }
}
