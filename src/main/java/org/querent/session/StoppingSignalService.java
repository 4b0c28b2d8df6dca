package org.querent.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.querent.learn.Head;
import org.querent.project.Project;
import org.querent.session.AuditEstimateService.AuditEstimate;
import org.querent.store.HeadRecord;
import org.querent.store.Json;

/**
 * "You can probably stop": predictions of successive model versions on a fixed stop set stop changing.
 *
 * <p>The stop set is a seeded sample of up to {@value #STOP_SET_SIZE} items that were unlabelled when it was
 * created, stored once in the meta table so every later version is compared on the same items. Each stored head
 * predicts it from the cached embeddings (no model run), and Cohen's kappa is taken between consecutive versions.
 * Rule: kappa of at least {@value #KAPPA} for the last {@value #PAIRS} consecutive version pairs (after Bloodgood
 * and Vijay-Shanker's stabilising-predictions criterion). The audit accuracy trend is shown beside it: stable
 * predictions of a model that is still poor mean the model has stopped learning, not that the job is done.
 */
public final class StoppingSignalService {
    static final String META_KEY = "stop_set";
    static final int STOP_SET_SIZE = 1000;
    static final double KAPPA = 0.99;
    static final int PAIRS = 3;
    private static final long STOP_SET_SEED = 20240601L;

    private final Project project;

    public StoppingSignalService(Project project) {
        this.project = project;
    }

    /** Agreement of two consecutive model versions on the stop set. */
    public record VersionPair(int previous, int next, double kappa, double agreement) {
    }

    /**
     * The signal and the figures behind it.
     *
     * @param stopSetSize items of the stop set still in the pool
     * @param pairs       consecutive versions, oldest first
     * @param audit       the audit accuracy trend
     * @param stop        whether the rule holds
     * @param rule        the rule in words
     * @param reason      why it holds or does not, with the figures
     */
    public record StoppingSignal(int stopSetSize, List<VersionPair> pairs, AuditEstimate audit, boolean stop, String rule,
                                 String reason) {
    }

    /** The stop set's item ids, created (and stored) on first use from the pool's unlabelled items. */
    public List<Long> stopSet(Pool pool) {
        Optional<List<Long>> stored = storedStopSet();
        if (stored.isPresent()) {
            return stored.get();
        }
        long[] ids = new long[pool.size()];
        for (int row = 0; row < ids.length; row++) {
            ids[row] = pool.id(row);
        }
        return drawStopSet(pool.modelHash(), ids);
    }

    private Optional<List<Long>> storedStopSet() {
        Map<String, Object> stored = project.meta().get(META_KEY).map(Json::map).orElse(null);
        if (stored != null && stored.get("items") instanceof List<?> list) {
            return Optional.of(list.stream().map(o -> ((Number) o).longValue()).toList());
        }
        return Optional.empty();
    }

    /** Draws the set from the pool's item ids in pool order (item id order), keeps it unless the file is read-only. */
    private List<Long> drawStopSet(String modelHash, long[] poolIds) {
        Set<Long> labelled = project.decisions().currentLabels().keySet();
        long[] unlabelled = new long[poolIds.length];
        int n = 0;
        for (long id : poolIds) {
            if (!labelled.contains(id)) {
                unlabelled[n++] = id;
            }
        }
        List<Long> sample = sample(Arrays.copyOf(unlabelled, n), STOP_SET_SIZE, STOP_SET_SEED);
        if (!sample.isEmpty() && !project.database().readOnly()) { // a reader computes the same set, unsaved
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("seed", STOP_SET_SEED);
            value.put("modelHash", modelHash);
            value.put("items", sample);
            project.meta().put(META_KEY, Json.write(value));
        }
        return sample;
    }

    public StoppingSignal signal(Pool pool) {
        List<Long> ids = stopSet(pool);
        List<float[]> rows = new ArrayList<>();
        for (long id : ids) {
            int row = pool.indexOf(id);
            if (row >= 0) {
                rows.add(pool.vector(row));
            }
        }
        return signalOn(pool.modelHash(), rows.toArray(new float[0][]));
    }

    /**
     * The signal without loading the pool: only the stop set's vectors are read (what 'querent status' needs on a
     * million-item project). The first time, the set is drawn from the pool's ids alone, the same set the loaded
     * pool would give (loading the pool to draw it took 4.5 s at a million items).
     */
    public StoppingSignal signal(String modelHash) {
        List<Long> ids = storedStopSet().orElseGet(() -> drawStopSet(modelHash, project.embeddings().poolIds(modelHash)));
        Map<Long, float[]> vectors = project.embeddings().poolVectorsOf(modelHash, ids);
        List<float[]> rows = new ArrayList<>();
        for (long id : ids) {
            if (vectors.containsKey(id)) {
                rows.add(vectors.get(id));
            }
        }
        return signalOn(modelHash, rows.toArray(new float[0][]));
    }

    private StoppingSignal signalOn(String modelHash, float[][] x) {
        List<HeadRecord> heads = project.heads().all().stream().filter(h -> h.modelHash().equals(modelHash)).toList();
        List<VersionPair> pairs = new ArrayList<>();
        String[] previous = null;
        int previousVersion = 0;
        for (HeadRecord head : heads) {
            String[] labels = x.length == 0 ? new String[0] : predictedLabels(head, x);
            if (previous != null && x.length > 0) {
                pairs.add(new VersionPair(previousVersion, head.version(), Agreement.cohensKappa(previous, labels),
                        agreement(previous, labels)));
            }
            previous = labels;
            previousVersion = head.version();
        }
        AuditEstimate audit = new AuditEstimateService(project).estimate();
        return decide(x.length, pairs, audit);
    }

    /** The rule over the pairs, oldest first. */
    static StoppingSignal decide(int stopSetSize, List<VersionPair> pairs, AuditEstimate audit) {
        String rule = String.format(Locale.ROOT, "kappa >= %.2f between consecutive model versions on the stop set, "
                + "for the last %d version pairs", KAPPA, PAIRS);
        if (pairs.size() < PAIRS) {
            return new StoppingSignal(stopSetSize, pairs, audit, false, rule, String.format(Locale.ROOT,
                    "not yet: %d version pair(s), the rule needs %d (train %d more version(s))", pairs.size(), PAIRS,
                    PAIRS - pairs.size()));
        }
        List<VersionPair> last = pairs.subList(pairs.size() - PAIRS, pairs.size());
        boolean stop = last.stream().allMatch(p -> p.kappa() >= KAPPA);
        String figures = String.join(", ", last.stream().map(p -> String.format(Locale.ROOT, "v%d-v%d %.3f",
                p.previous(), p.next(), p.kappa())).toList());
        return new StoppingSignal(stopSetSize, pairs, audit, stop, rule,
                (stop ? "you can probably stop: " : "not yet: ") + "kappa " + figures);
    }

    private static String[] predictedLabels(HeadRecord head, float[][] x) {
        Head h = Head.fromBytes(head.weights());
        double[][] p = h.predict(x);
        boolean multiLabel = h.multiLabel();
        String[] out = new String[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = QueueService.PreLabel.of(p[i], head.classNames(), multiLabel).labels();
        }
        return out;
    }

    private static double agreement(String[] a, String[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i].equals(b[i]) ? 1 : 0;
        }
        return same / (double) a.length;
    }

    /** A seeded sample without replacement, in the order drawn: a partial Fisher-Yates shuffle of {@code ids}, in place. */
    static List<Long> sample(long[] ids, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int take = Math.min(k, ids.length);
        List<Long> out = new ArrayList<>(take);
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(ids.length - i);
            long t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
            out.add(ids[i]);
        }
        return List.copyOf(out);
    }
}
