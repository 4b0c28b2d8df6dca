package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.querent.common.QuerentException;

class Exp3Test {

    @Test
    void rewardedArmsAreDrawnMoreOftenButNeverBelowTheExplorationShare() {
        Exp3 bandit = Exp3.start(List.of("margin", "badge"), 0.2);
        assertEquals(0.5, bandit.probabilities()[0], 1e-12);
        for (int round = 0; round < 30; round++) {
            bandit = bandit.update(0, 1.0).update(1, 0.0);
        }
        double[] p = bandit.probabilities();
        assertTrue(p[0] > 0.85, "margin earned every reward: " + p[0]);
        assertTrue(p[1] >= 0.1 - 1e-12, "gamma / K stays: " + p[1]);
        assertEquals(1.0, p[0] + p[1], 1e-12);
        assertEquals(60, bandit.rounds());
    }

    @Test
    void importanceWeightingFavoursARarelyDrawnArmThatPaysOff() {
        Exp3 bandit = new Exp3(List.of("a", "b"), new double[] {3, 0}, 0.2, 0);
        double pb = bandit.probabilities()[1];
        Exp3 next = bandit.update(1, 1.0);
        assertEquals(0.2 * (1.0 / pb) / 2, next.logWeights()[1], 1e-12, "reward / p, scaled by gamma / K");
    }

    @Test
    void drawsAreSeededAndFollowTheProbabilities() {
        Exp3 bandit = new Exp3(List.of("a", "b"), new double[] {5, 0}, 0.2, 0);
        assertEquals(bandit.draw(42), bandit.draw(42));
        int a = 0;
        for (long seed = 0; seed < 2000; seed++) {
            a += bandit.draw(seed) == 0 ? 1 : 0;
        }
        assertEquals(bandit.probabilities()[0], a / 2000.0, 0.03);
    }

    @Test
    void theRewardIsTheChangeInHeldOutLogLikelihoodSquashedToZeroOne() {
        double[][] before = {{0.5, 0.5}, {0.5, 0.5}};
        double[][] better = {{0.9, 0.1}, {0.2, 0.8}};
        int[] truth = {0, 1};
        assertEquals(0.5, Exp3.logLikelihoodReward(before, before, truth), 1e-12);
        assertTrue(Exp3.logLikelihoodReward(before, better, truth) > 0.9);
        assertTrue(Exp3.logLikelihoodReward(better, before, truth) < 0.1);
        assertThrows(IllegalArgumentException.class, () -> Exp3.start(List.of("a"), 0.2).update(0, 1.5));
    }

    @Test
    void stateRoundTripsThroughItsMapAndDamageSaysWhatToDo() {
        Exp3 bandit = Exp3.start(List.of("margin", "badge"), 0.2).update(1, 0.7);
        Exp3 back = Exp3.fromMap(bandit.toMap());
        assertEquals(bandit.arms(), back.arms());
        assertEquals(bandit.logWeights()[1], back.logWeights()[1], 1e-15);
        assertEquals(1, back.rounds());
        QuerentException e = assertThrows(QuerentException.class, () -> Exp3.fromMap(Map.of("arms", List.of("a"))));
        assertTrue(e.getMessage().startsWith("the adaptive strategy's stored state is damaged"), e.getMessage());
    }

    @Test
    void adaptiveDelegatesToTheArmItDrawsAndRewardsThatArm() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(new Exp3(List.of("margin", "random"), new double[] {0, 0}, 0.2, 0));
        double[][] p = {{0.5, 0.5}, {0.99, 0.01}, {0.6, 0.4}};
        float[][] x = {{1, 0}, {0, 1}, {1, 1}};
        QueryContext context = new QueryContext(p, x, false, 3);
        Ranking ranking = adaptive.select(context, 3);
        String arm = adaptive.lastArm();
        assertEquals(Strategies.byName(arm).select(context, 3).indices()[0], ranking.indices()[0]);
        adaptive.reward(1.0);
        int drawn = adaptive.bandit().arms().indexOf(arm);
        assertTrue(adaptive.bandit().logWeights()[drawn] > 0);
        assertEquals(0.0, adaptive.bandit().logWeights()[1 - drawn]);
    }
}
