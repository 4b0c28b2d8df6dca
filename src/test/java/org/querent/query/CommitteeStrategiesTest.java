package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/**
 * Three members, two classes, three pool items (natural logarithms):
 * <pre>
 * item  member predictions (p of class 0)   votes  vote entropy                     consensus  consensus entropy
 * 0     0.9, 0.8, 0.7                        3-0    0                                0.8        0.500402
 * 1     0.6, 0.55, 0.4                       2-1    -(2/3 ln 2/3 + 1/3 ln 1/3)=0.636514 0.516667  0.692591
 * 2     0.9, 0.9, 0.3                        2-1    0.636514                         0.7        0.610864
 * </pre>
 * Mean KL to the consensus: item 0 (0.036690 + 0 + 0.028168) / 3 = 0.021619; item 1 (0.014022 + 0.002229 +
 * 0.027361) / 3 = 0.014537; item 2 (0.116322 + 0.116322 + 0.338919) / 3 = 0.190521.
 * The main head is unsure about item 0 only, so margin would pick it; the committee agrees on it.
 */
class CommitteeStrategiesTest {

    private static final double[][] MAIN = {{0.5, 0.5}, {0.9, 0.1}, {0.9, 0.1}};
    private static final double[][][] COMMITTEE = {
            {{0.9, 0.1}, {0.6, 0.4}, {0.9, 0.1}},
            {{0.8, 0.2}, {0.55, 0.45}, {0.9, 0.1}},
            {{0.7, 0.3}, {0.4, 0.6}, {0.3, 0.7}},
    };

    private static QueryContext context(long seed) {
        return QueryContext.of(MAIN, null, false, seed).withCommittee(COMMITTEE);
    }

    @Test
    void qbcPrefersThePointMembersDisagreeOnAndBreaksVoteTiesByConsensusEntropy() {
        QbcStrategy qbc = new QbcStrategy();
        assertArrayEquals(new double[] {0, 0.636514, 0.636514}, qbc.scores(context(1)), 1e-6);
        for (long seed = 0; seed < 20; seed++) {
            assertArrayEquals(new int[] {1, 2, 0}, qbc.select(context(seed), 3).indices());
        }
        assertArrayEquals(new int[] {0}, new MarginStrategy().select(context(1), 1).indices());
    }

    @Test
    void qbcKlMeasuresDisagreementInConfidenceToo() {
        QbcKlStrategy kl = new QbcKlStrategy();
        assertArrayEquals(new double[] {0.021619, 0.014537, 0.190521}, kl.scores(context(1)), 1e-5);
        assertArrayEquals(new int[] {2, 0, 1}, kl.select(context(1), 3).indices());
    }

    @Test
    void consensusEntropyOfTheTable() {
        assertEquals(0.500402, Disagreement.consensusEntropy(COMMITTEE, 0, false), 1e-6);
        assertEquals(0.692591, Disagreement.consensusEntropy(COMMITTEE, 1, false), 1e-6);
        assertEquals(0.610864, Disagreement.consensusEntropy(COMMITTEE, 2, false), 1e-6);
    }

    /** Multi-label: one label, votes yes (p >= 0.5) 2 of 3 -> binary vote entropy 0.636514. */
    @Test
    void multiLabelVotesPerLabel() {
        double[][][] committee = {{{0.6}}, {{0.7}}, {{0.2}}};
        QueryContext context = QueryContext.of(new double[][] {{0.5}}, null, true, 0).withCommittee(committee);
        assertEquals(0.636514, new QbcStrategy().scores(context)[0], 1e-6);
        assertTrue(new QbcKlStrategy().scores(context)[0] > 0);
    }

    @Test
    void missingCommitteeIsAUsageErrorThatSaysWhatToSupply() {
        QuerentException e = assertThrows(QuerentException.class,
                () -> new QbcStrategy().select(QueryContext.of(MAIN, null, false, 0), 2));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("withCommittee"), e.getMessage());
        double[][][] short_ = {{{0.5, 0.5}}};
        assertThrows(QuerentException.class,
                () -> new QbcKlStrategy().select(QueryContext.of(MAIN, null, false, 0).withCommittee(short_), 2));
    }
}
