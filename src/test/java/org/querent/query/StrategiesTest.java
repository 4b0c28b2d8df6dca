package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

class StrategiesTest {

    @Test
    void everyNameBuildsTheStrategyOfThatName() {
        assertEquals(List.of("random", "least-confidence", "margin", "entropy", "qbc", "qbc-kl", "egl", "coreset", "badge",
                "typiclust"), Strategies.names());
        for (String name : Strategies.names()) {
            assertEquals(name, Strategies.byName(name).name());
        }
        assertInstanceOf(MarginStrategy.class, Strategies.byName(" Margin "));
    }

    @Test
    void unknownNameIsAUsageErrorListingTheKnownNames() {
        QuerentException e = assertThrows(QuerentException.class, () -> Strategies.byName("bald"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals("unknown query strategy 'bald': choose one of random, least-confidence, margin, entropy, qbc, "
                + "qbc-kl, egl, coreset, badge, typiclust", e.getMessage());
    }

    @Test
    void strategiesSayWhatTheCallerMustCompute() {
        assertEquals(List.of("qbc", "qbc-kl"), Strategies.names().stream()
                .filter(name -> Strategies.byName(name).needsCommittee()).toList());
        assertEquals(List.of("coreset", "typiclust"), Strategies.names().stream()
                .filter(name -> Strategies.byName(name).needsLabelled()).toList());
    }
}
