package org.querent.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.querent.common.QuerentException;

/**
 * EXP3 (Auer et al., 2002) over query strategies, as in "active learning by learning" (Hsu and Lin, 2015): each
 * round one strategy (arm) is drawn with probability {@code (1 - gamma) w_i / sum(w) + gamma / K}; its reward in
 * [0, 1] is divided by that probability (an unbiased estimate for the arms not drawn, which get 0) and the weight
 * grows by {@code exp(gamma * reward / (p K))}. Immutable: every update returns a new state, so it can be stored
 * with the round and replayed.
 *
 * @param arms       strategy names
 * @param logWeights log of each arm's weight
 * @param gamma      share of uniform exploration, in (0, 1]
 * @param rounds     rewards received so far
 */
public record Exp3(List<String> arms, double[] logWeights, double gamma, int rounds) {

    public Exp3 {
        if (arms.isEmpty() || arms.size() != logWeights.length) {
            throw new IllegalArgumentException("one weight per arm: arms=" + arms + ", weights=" + logWeights.length);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1]: received " + gamma);
        }
        arms = List.copyOf(arms);
        logWeights = logWeights.clone();
    }

    /** Equal weights. */
    public static Exp3 start(List<String> arms, double gamma) {
        return new Exp3(arms, new double[arms.size()], gamma, 0);
    }

    /** The drawing probability of each arm. */
    public double[] probabilities() {
        double max = Arrays.stream(logWeights).max().orElse(0);
        double sum = 0;
        double[] p = new double[logWeights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logWeights[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (1 - gamma) * p[i] / sum + gamma / p.length;
        }
        return p;
    }

    /** The arm drawn with {@code seed}. */
    public int draw(long seed) {
        double u = new SplittableRandom(seed).nextDouble();
        double[] p = probabilities();
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** The state after {@code arm} (drawn from this state) earned {@code reward} in [0, 1]. */
    public Exp3 update(int arm, double reward) {
        if (!(reward >= 0 && reward <= 1)) {
            throw new IllegalArgumentException("reward must be in [0, 1]: received " + reward);
        }
        double p = probabilities()[arm];
        double[] next = logWeights.clone();
        next[arm] += gamma * (reward / p) / arms.size();
        return new Exp3(arms, next, gamma, rounds + 1);
    }

    /**
     * A reward in [0, 1] from the change in mean log-likelihood of the true labels of items neither model was
     * trained on: 0.5 for no change, towards 1 when the newer model explains them better. The scale (0.1 nats)
     * puts typical per-round changes of a few hundredths to a few tenths into the sigmoid's middle range.
     */
    public static double logLikelihoodReward(double[][] before, double[][] after, int[] truth) {
        if (truth.length == 0) {
            return 0.5;
        }
        double delta = 0;
        for (int i = 0; i < truth.length; i++) {
            delta += Math.log(Math.max(after[i][truth[i]], 1e-12)) - Math.log(Math.max(before[i][truth[i]], 1e-12));
        }
        delta /= truth.length;
        return 1 / (1 + Math.exp(-delta / 0.1));
    }

    /** JSON-ready, for a round's provenance. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("arms", arms);
        List<Double> weights = new ArrayList<>();
        for (double w : logWeights) {
            weights.add(w);
        }
        map.put("logWeights", weights);
        List<Double> p = new ArrayList<>();
        for (double v : probabilities()) {
            p.add(v);
        }
        map.put("probabilities", p);
        map.put("gamma", gamma);
        map.put("rounds", rounds);
        return map;
    }

    /** Reads {@link #toMap()}; a damaged state is refused with what to do. */
    public static Exp3 fromMap(Map<?, ?> map) {
        try {
            List<String> arms = ((List<?>) map.get("arms")).stream().map(Object::toString).toList();
            double[] weights = ((List<?>) map.get("logWeights")).stream().mapToDouble(o -> ((Number) o).doubleValue())
                    .toArray();
            return new Exp3(arms, weights, ((Number) map.get("gamma")).doubleValue(),
                    ((Number) map.get("rounds")).intValue());
        } catch (RuntimeException e) {
            throw QuerentException.usage("the adaptive strategy's stored state is damaged (" + e.getMessage()
                    + "): it starts again from equal weights if you delete the meta key 'adaptive_strategy'");
        }
    }
}
