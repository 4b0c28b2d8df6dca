package org.querent.simulate;

import java.util.List;

import org.querent.common.QuerentException;
import org.querent.learn.TrainSettings;
import org.querent.learn.pool.HeadKind;
import org.querent.query.rules.BatchRules;

/**
 * How to replay the loop.
 *
 * @param strategies   query strategies to compare
 * @param seeds        how many seeds (0..seeds-1); each has its own test split and initial labels
 * @param initial      random labels before the first training
 * @param batch        labels added per round
 * @param budget       labels at which a run stops
 * @param testFraction share of each class held out for testing
 * @param train        head training settings
 * @param initialStrategy how the initial labels are picked from the pool before any model: "random" (the
 *                     same shuffle as always), or any strategy name, given uniform probabilities (e.g. typiclust)
 * @param rules        hybrid batch rules applied to every strategy's batches
 * @param head         the head trained each round: supervised, spreading, self-training or auto
 */
public record SimulationSettings(List<String> strategies, int seeds, int initial, int batch, int budget,
                                 double testFraction, TrainSettings train, String initialStrategy, BatchRules rules,
                                 HeadKind head) {

    /** The supervised head. */
    public SimulationSettings(List<String> strategies, int seeds, int initial, int batch, int budget, double testFraction,
                              TrainSettings train, String initialStrategy, BatchRules rules) {
        this(strategies, seeds, initial, batch, budget, testFraction, train, initialStrategy, rules, HeadKind.SUPERVISED);
    }

    /** Random initial labels and no batch rules. */
    public SimulationSettings(List<String> strategies, int seeds, int initial, int batch, int budget, double testFraction,
                              TrainSettings train) {
        this(strategies, seeds, initial, batch, budget, testFraction, train, "random", BatchRules.none());
    }

    public SimulationSettings {
        if (initialStrategy == null || initialStrategy.isBlank()) {
            throw QuerentException.usage("--initial-strategy needs a strategy name, e.g. random or typiclust");
        }
        if (rules == null) {
            rules = BatchRules.none();
        }
        if (head == null) {
            head = HeadKind.SUPERVISED;
        }
        if (strategies.isEmpty() || seeds < 1 || initial < 1 || batch < 1 || budget < initial) {
            throw QuerentException.usage("simulate needs at least one strategy, --seeds >= 1, --initial >= 1, --batch >= 1 "
                    + "and --budget >= --initial; got seeds=" + seeds + ", initial=" + initial + ", batch=" + batch
                    + ", budget=" + budget);
        }
        if (testFraction <= 0 || testFraction >= 1) {
            throw QuerentException.usage("--test-fraction must be between 0 and 1, got " + testFraction);
        }
    }
}
