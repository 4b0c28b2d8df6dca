package org.querent.query.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.querent.query.Ranking;

/**
 * Composes a batch from a strategy's full ranking under {@link BatchRules}.
 *
 * <ol>
 *   <li>Audit picks first: a seeded uniform sample of all candidates. They are exempt from the other rules,
 *       because skipping near-duplicates or capping folders would make the sample no longer uniform, and
 *       its labels would no longer estimate accuracy on the pool without bias.</li>
 *   <li>Drift picks: walking the ranking, the best candidates among the newest {@code driftShare} of the
 *       candidates (at least as many as the drift picks), under the near-duplicate and source rules.</li>
 *   <li>Strategy picks: walking the ranking, the best remaining candidates under the same rules, until the
 *       batch is full. When the rules leave too few candidates the batch is smaller: that is the point.</li>
 * </ol>
 */
public final class BatchComposer {
    private final BatchRules rules;

    public BatchComposer(BatchRules rules) {
        this.rules = rules;
    }

    /**
     * @param ranking    the strategy's ranking of the candidates, best first (all of them, for the rules to
     *                   have room to skip)
     * @param candidates embeddings, sources and ages of the candidates, and the labelled embeddings
     * @param size       the batch size wanted
     * @param seed       seed of the audit sample
     */
    public ComposedBatch compose(Ranking ranking, BatchCandidates candidates, int size, long seed) {
        int n = candidates.size();
        int want = Math.min(size, n);
        Map<Integer, Double> scoreOf = new HashMap<>();
        for (int r = 0; r < ranking.size(); r++) {
            scoreOf.putIfAbsent(ranking.indices()[r], ranking.scores()[r]);
        }
        State state = new State(candidates);

        List<Pick> audit = new ArrayList<>();
        for (int index : uniformSample(n, rules.auditCount(want), seed)) {
            audit.add(new Pick(index, scoreOf.getOrDefault(index, 0.0), Pick.Kind.AUDIT));
            state.take(index);
        }
        List<Pick> drift = new ArrayList<>();
        int driftWanted = rules.driftCount(want);
        if (driftWanted > 0) {
            boolean[] newest = newest(candidates.addedOrder(), Math.max(driftWanted, (int) Math.ceil(n * rules.driftShare())));
            walk(ranking, state, driftWanted, i -> newest[i], drift, Pick.Kind.DRIFT);
        }
        List<Pick> strategy = new ArrayList<>();
        walk(ranking, state, want - audit.size() - drift.size(), i -> true, strategy, Pick.Kind.STRATEGY);

        List<Pick> picks = new ArrayList<>(strategy);
        picks.addAll(drift);
        picks.addAll(audit);
        return new ComposedBatch(List.copyOf(picks), state.nearDuplicates, state.sourceCapped);
    }

    private void walk(Ranking ranking, State state, int wanted, java.util.function.IntPredicate eligible,
                      List<Pick> out, Pick.Kind kind) {
        for (int r = 0; r < ranking.size() && out.size() < wanted; r++) {
            int index = ranking.indices()[r];
            if (state.taken[index] || !eligible.test(index)) {
                continue;
            }
            if (rules.maxPerSource() > 0 && state.perSource.getOrDefault(state.source(index), 0) >= rules.maxPerSource()) {
                state.sourceCapped++;
                continue;
            }
            if (rules.nearDuplicate() > 0 && state.nearDuplicate(index, rules.nearDuplicate())) {
                state.nearDuplicates++;
                continue;
            }
            state.take(index);
            out.add(new Pick(index, ranking.scores()[r], kind));
        }
    }

    /** Marks the {@code k} newest candidates (highest added order; ties by row, later rows newer). */
    static boolean[] newest(long[] addedOrder, int k) {
        Integer[] rows = new Integer[addedOrder.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        Arrays.sort(rows, (a, b) -> addedOrder[a] != addedOrder[b] ? Long.compare(addedOrder[b], addedOrder[a])
                : Integer.compare(b, a));
        boolean[] out = new boolean[addedOrder.length];
        for (int i = 0; i < Math.min(k, rows.length); i++) {
            out[rows[i]] = true;
        }
        return out;
    }

    /** {@code k} distinct rows of {@code n}, uniformly: a seeded partial Fisher-Yates shuffle. */
    static int[] uniformSample(int n, int k, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL); // apart from the strategy's own stream
        int take = Math.min(k, n);
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return Arrays.copyOf(order, take);
    }

    /** What the batch holds so far: taken rows, items per source, and the vectors to compare new picks with. */
    private static final class State {
        final BatchCandidates candidates;
        final boolean[] taken;
        final Map<String, Integer> perSource = new HashMap<>();
        final List<float[]> batchVectors = new ArrayList<>();
        final double[] labelledNorms;
        int nearDuplicates;
        int sourceCapped;

        State(BatchCandidates candidates) {
            this.candidates = candidates;
            this.taken = new boolean[candidates.size()];
            this.labelledNorms = Arrays.stream(candidates.labelledEmbeddings()).mapToDouble(State::norm).toArray();
        }

        String source(int index) {
            String s = candidates.sources()[index];
            return s == null ? "" : s;
        }

        void take(int index) {
            taken[index] = true;
            perSource.merge(source(index), 1, Integer::sum);
            batchVectors.add(candidates.vector(index));
        }

        boolean nearDuplicate(int index, double threshold) {
            float[] x = candidates.vector(index);
            double nx = norm(x);
            float[][] labelled = candidates.labelledEmbeddings();
            for (int i = 0; i < labelled.length; i++) {
                if (cosine(x, nx, labelled[i], labelledNorms[i]) > threshold) {
                    return true;
                }
            }
            for (float[] y : batchVectors) {
                if (cosine(x, nx, y, norm(y)) > threshold) {
                    return true;
                }
            }
            return false;
        }

        static double norm(float[] x) {
            double s = 0;
            for (float v : x) {
                s += v * v;
            }
            return Math.sqrt(s);
        }

        static double cosine(float[] a, double na, float[] b, double nb) {
            if (na == 0 || nb == 0) {
                return 0;
            }
            double dot = 0;
            for (int k = 0; k < a.length; k++) {
                dot += a[k] * b[k];
            }
            return dot / (na * nb);
        }
    }
}
