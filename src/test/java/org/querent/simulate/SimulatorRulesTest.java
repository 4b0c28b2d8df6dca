package org.querent.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.querent.common.QuerentException;
import org.querent.learn.Splits;
import org.querent.learn.TrainSettings;
import org.querent.query.rules.BatchRules;

class SimulatorRulesTest {
    private static final LabelledDataset DATA = SyntheticDataset.of(60, 3);

    private static SimulationSettings settings(String initialStrategy, BatchRules rules) {
        return new SimulationSettings(List.of("random", "margin"), 2, 10, 10, 50, 0.3, TrainSettings.defaults(),
                initialStrategy, rules);
    }

    @Test
    void theInitialStrategyPathPicksDistinctPoolItemsReproducibly() {
        int[] pool = Splits.stratifiedHoldout(DATA.truth(), 0.3, 0).train();
        int[] a = InitialPicks.select("random", DATA.embeddings(), pool, 10, 3, 11);
        assertEquals(10, a.length);
        assertEquals(10, Arrays.stream(a).distinct().count());
        assertTrue(Arrays.stream(a).allMatch(i -> Arrays.stream(pool).anyMatch(p -> p == i)));
        assertArrayEquals(a, InitialPicks.select("random", DATA.embeddings(), pool, 10, 3, 11));
        assertThrows(QuerentException.class, () -> InitialPicks.select("clairvoyant", DATA.embeddings(), pool, 10, 3, 11));
    }

    @Test
    void randomInitialPicksStayTheLegacyShuffle() {
        int[] pool = Splits.stratifiedHoldout(DATA.truth(), 0.3, 0).train();
        SimulationSettings legacy = new SimulationSettings(List.of("random"), 1, 10, 10, 50, 0.3, TrainSettings.defaults());
        assertEquals("random", legacy.initialStrategy());
        assertArrayEquals(Simulator.initialPicks(DATA, legacy, pool, 0), Simulator.initialPicks(DATA, settings("random", BatchRules.none()), pool, 0));
    }

    @Test
    void aSimulationWithAnInitialStrategyAndRulesReachesTheBudget() {
        SimulationSettings s = settings("margin", new BatchRules(0.99, 6, 0.2, 0.2));
        List<CurvePoint> points = new Simulator().run(DATA, s, p -> { });
        assertEquals(2 * 2 * 5, points.size(), "2 strategies x 2 seeds x (10, 20, ..., 50)");
        assertTrue(points.stream().allMatch(p -> p.accuracy() > 0.8), points.toString());
        assertEquals(points, new Simulator().run(DATA, s, p -> { }), "same seeds, same curves");
    }

    @Test
    void rulesChangeWhatIsPicked() {
        List<CurvePoint> plain = new Simulator().run(DATA, settings("random", BatchRules.none()), p -> { });
        List<CurvePoint> capped = new Simulator().run(DATA, settings("random", new BatchRules(0, 0, 0, 0.5)), p -> { });
        assertEquals(plain.get(0), capped.get(0), "same initial labels, same first point");
        assertNotEquals(plain, capped);
    }

    @Test
    void typiclustInitialPicksCoverEveryClassAndCrossValidationChoosesCFromTheGrid() {
        int[] pool = Splits.stratifiedHoldout(DATA.truth(), 0.3, 0).train();
        for (int seed = 0; seed < 3; seed++) {
            int[] picks = Simulator.initialPicks(DATA, settings("typiclust", BatchRules.none()), pool, seed);
            assertEquals(10, Arrays.stream(picks).distinct().count());
            assertEquals(3, Arrays.stream(picks).map(i -> DATA.truth()[i]).distinct().count(), "seed " + seed);
        }
        List<Simulator.RoundHead> rounds = new java.util.ArrayList<>();
        List<CurvePoint> points = new Simulator().chooseC(true).onRoundHead(rounds::add)
                .run(DATA, settings("typiclust", BatchRules.none()), p -> { });
        assertEquals(2 * 2 * 5, points.size());
        assertTrue(rounds.stream().allMatch(r -> Arrays.stream(org.querent.learn.RegularisationSearch.GRID)
                .anyMatch(c -> c == r.c())), rounds.toString());
        assertTrue(rounds.stream().anyMatch(r -> r.labels() == 50));
    }

    @Test
    void aSeedRunAloneGivesTheSameCurvesAsInTheFullRun() {
        SimulationSettings two = settings("random", BatchRules.none());
        List<CurvePoint> all = new Simulator().run(DATA, two, p -> { });
        SimulationSettings one = new SimulationSettings(List.of("random", "margin"), 1, 10, 10, 50, 0.3,
                TrainSettings.defaults(), "random", BatchRules.none());
        List<CurvePoint> second = new Simulator().firstSeed(1).run(DATA, one, p -> { });
        assertEquals(all.stream().filter(p -> p.seed() == 1).toList(), second);
        assertThrows(QuerentException.class, () -> new Simulator().firstSeed(-1));
    }

    @Test
    void theSourceOfAnItemIsItsFolder() {
        assertEquals("c1", Simulator.sourceOf("c1/item-4.txt"));
        assertEquals("a/b", Simulator.sourceOf("a/b/rows.csv#12"));
        assertEquals("", Simulator.sourceOf("top.txt"));
    }

    @Test
    void everyHeadAndAdaptiveRunToTheBudgetAndSayWhatTheyFitted() {
        for (org.querent.learn.pool.HeadKind head : org.querent.learn.pool.HeadKind.values()) {
            SimulationSettings s = new SimulationSettings(List.of("margin", "adaptive"), 1, 30, 10, 60, 0.3,
                    TrainSettings.defaults(), "random", BatchRules.none(), head);
            List<Simulator.RoundHead> rounds = new java.util.ArrayList<>();
            List<CurvePoint> points = new Simulator().onRoundHead(rounds::add).run(DATA, s, p -> { });
            assertEquals(2 * 4, points.size(), head + ": 2 strategies x (30, 40, 50, 60)");
            assertTrue(points.stream().allMatch(p -> p.accuracy() > 0.8), head + " " + points);
            assertEquals(points.size(), rounds.size());
            assertTrue(rounds.stream().allMatch(r -> r.fitted() != org.querent.learn.pool.HeadKind.AUTO));
            assertTrue(rounds.stream().filter(r -> r.strategy().equals("adaptive") && r.labels() < 60)
                    .allMatch(r -> AdaptiveStrategyArms.contains(r.arm())), rounds.toString());
            assertTrue(rounds.stream().filter(r -> r.strategy().equals("margin")).allMatch(r -> r.arm() == null));
        }
    }

    private static final List<String> AdaptiveStrategyArms = org.querent.query.AdaptiveStrategy.ARMS;

    @Test
    void theQueueDoesNotOfferAdaptive() {
        assertThrows(QuerentException.class, () -> org.querent.query.Strategies.byName("adaptive"));
        assertEquals("adaptive", Simulator.strategyNamed("adaptive").name());
    }
}
