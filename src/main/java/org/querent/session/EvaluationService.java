package org.querent.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.querent.common.QuerentException;
import org.querent.learn.PairedComparison;
import org.querent.project.Project;
import org.querent.store.Decision;
import org.querent.store.EvaluationRepository;
import org.querent.store.EvaluationRepository.Promotion;
import org.querent.store.HeadRecord;
import org.querent.store.ItemRecord;

/**
 * The evaluation set and the promotion gate. The set is a uniform random sample of the items nobody had labelled
 * when it was drawn; its items never reach training (TrainingService leaves them out) nor the strategy's queue, and
 * people label them from {@code eval-set}'s list. Each new version is a candidate: with at least
 * {@value #MIN_EVAL_LABELS} labelled evaluation items it is compared with the version in use on them and promoted
 * unless it is worse beyond the noise (the paired bootstrap interval of the accuracy difference lies below zero);
 * with fewer it is promoted ungated, as before the gate existed, and the record says so.
 */
public final class EvaluationService {
    /** Below this many labelled evaluation items the comparison is too noisy to hold a version back. */
    public static final int MIN_EVAL_LABELS = 20;
    public static final String GATE = "gate";

    private final Project project;
    private final EvaluationRepository repository;

    public EvaluationService(Project project) {
        this.project = project;
        this.repository = new EvaluationRepository(project.database(), project.clock());
    }

    /** The evaluation set: its items, how many are labelled, and those still waiting for a person. */
    public record EvalSet(int size, int labelled, List<ItemRecord> waiting) {
    }

    /** What the gate decided for a new version. */
    public record Verdict(int version, boolean promoted, Integer previous, String reason, PairedComparison.Result comparison) {
    }

    /** Item ids of the evaluation set (never trained on). */
    public Set<Long> evalItems() {
        return repository.evalItems();
    }

    /**
     * Grows the set to {@code size} items, drawn uniformly (seeded) from the active items that are unlabelled, not set
     * aside and not yet in the set. Returns how many were added.
     */
    public int grow(int size, long seed) {
        if (size < 1) {
            throw QuerentException.usage("--size must be at least 1, got " + size);
        }
        Set<Long> current = repository.evalItems();
        if (current.size() >= size) {
            return 0;
        }
        Set<Long> labelled = project.decisions().currentLabels().keySet();
        Set<Long> setAside = new java.util.HashSet<>(project.decisions().setAside());
        List<Long> candidates = new ArrayList<>();
        for (ItemRecord item : project.items().inState("active")) {
            if (item.duplicateOf() == null && !labelled.contains(item.id()) && !setAside.contains(item.id())
                    && !current.contains(item.id())) {
                candidates.add(item.id());
            }
        }
        if (candidates.isEmpty()) {
            throw QuerentException.usage("no unlabelled item is left to draw an evaluation set from: import more items");
        }
        Collections.shuffle(candidates, new Random(seed));
        List<Long> drawn = candidates.subList(0, Math.min(size - current.size(), candidates.size()));
        repository.addEvalItems(drawn, seed);
        return drawn.size();
    }

    public EvalSet evalSet() {
        Set<Long> ids = repository.evalItems();
        Map<Long, Decision> labels = project.decisions().currentLabels();
        List<ItemRecord> waiting = new ArrayList<>();
        int labelled = 0;
        for (long id : ids) {
            if (labels.containsKey(id)) {
                labelled++;
            } else {
                project.items().byId(id).filter(ItemRecord::active).ifPresent(waiting::add);
            }
        }
        return new EvalSet(ids.size(), labelled, waiting);
    }

    /** The version in use for a model: the newest promotion or rollback, else (no gate yet) the newest version. */
    public Optional<HeadRecord> inUse(String modelHash) {
        Optional<Promotion> promoted = repository.inUse(modelHash);
        if (promoted.isPresent()) {
            return version(promoted.get().version());
        }
        return project.heads().latest(modelHash);
    }

    public List<Promotion> history(String modelHash) {
        return repository.history(modelHash);
    }

    /** Runs the gate on a version just trained and records the outcome. */
    public Verdict gate(int version, Pool pool) {
        HeadRecord candidate = version(version).orElseThrow();
        Optional<Promotion> promoted = repository.inUse(candidate.modelHash());
        HeadRecord incumbent = promoted.isPresent() ? version(promoted.get().version()).orElse(null) : null;
        if (incumbent == null) {
            String reason = "first version under the gate";
            repository.record(version, candidate.modelHash(), "promote", null, GATE, reason, Map.of());
            return new Verdict(version, true, null, reason, null);
        }
        Labelled eval = labelled(pool);
        if (eval.truth().length < MIN_EVAL_LABELS) {
            String reason = "promoted without a comparison: " + eval.truth().length + " labelled evaluation items (the gate"
                    + " needs " + MIN_EVAL_LABELS + "; draw a set with 'querent eval-set' and label it)";
            repository.record(version, candidate.modelHash(), "promote", incumbent.version(), GATE, reason,
                    Map.of("evalLabels", eval.truth().length));
            return new Verdict(version, true, incumbent.version(), reason, null);
        }
        PairedComparison.Result result = compare(incumbent, candidate, eval);
        Map<String, Object> figures = new LinkedHashMap<>(result.toMap(project.labelNames()));
        figures.put("incumbentVersion", incumbent.version());
        figures.put("candidateVersion", version);
        String summary = describe(incumbent.version(), version, result);
        if (result.candidateWorse()) {
            String reason = "v" + version + " is worse than v" + incumbent.version() + " beyond the noise: " + summary;
            repository.record(version, candidate.modelHash(), "hold", incumbent.version(), GATE, reason, figures);
            return new Verdict(version, false, incumbent.version(), reason, result);
        }
        String reason = "not worse than v" + incumbent.version() + " beyond the noise: " + summary;
        repository.record(version, candidate.modelHash(), "promote", incumbent.version(), GATE, reason, figures);
        return new Verdict(version, true, incumbent.version(), reason, result);
    }

    /** A lead puts a version in use by hand; the figures against the version it replaces are recorded. */
    public Promotion promote(int version, String lead, String reason, Pool pool) {
        HeadRecord target = version(version).orElseThrow(() -> QuerentException.usage("there is no model version v"
                + version + "; 'querent status' lists the versions"));
        HeadRecord current = inUse(target.modelHash()).orElse(null);
        if (current != null && current.version() == version) {
            throw QuerentException.usage("v" + version + " is already the version in use");
        }
        return repository.record(version, target.modelHash(), "promote", current == null ? null : current.version(), lead,
                reason == null ? "promoted by hand" : reason, figures(current, target, pool));
    }

    /** A lead returns to the version that was in use before the current one. */
    public Promotion rollback(String modelHash, String lead, String reason, Pool pool) {
        List<Promotion> changes = repository.history(modelHash).stream().filter(Promotion::changesVersionInUse).toList();
        HeadRecord current = inUse(modelHash).orElseThrow(() -> QuerentException.usage(
                "there is no model version to roll back from: train one first"));
        Integer before = null;
        for (int i = changes.size() - 1; i >= 0 && before == null; i--) {
            if (changes.get(i).version() != current.version()) {
                before = changes.get(i).version();
            }
        }
        if (before == null) {
            throw QuerentException.usage("v" + current.version() + " is the only version that was ever in use: there is"
                    + " nothing to roll back to (use 'querent promote PROJECT VERSION' to choose another)");
        }
        HeadRecord target = version(before).orElseThrow();
        return repository.record(target.version(), modelHash, "rollback", current.version(), lead,
                reason == null ? "rolled back by hand" : reason, figures(current, target, pool));
    }

    private Map<String, Object> figures(HeadRecord current, HeadRecord target, Pool pool) {
        Labelled eval = labelled(pool);
        if (current == null || eval.truth().length == 0 || !current.modelHash().equals(pool.modelHash())) {
            return Map.of("evalLabels", eval.truth().length);
        }
        Map<String, Object> figures = new LinkedHashMap<>(compare(current, target, eval).toMap(project.labelNames()));
        figures.put("incumbentVersion", current.version());
        figures.put("candidateVersion", target.version());
        return figures;
    }

    /** "accuracy 0.81 vs 0.84 (-0.03, 95% [-0.06, -0.01]), macro-F1 ..., log-loss ..., McNemar p 0.02 on 120 items" */
    public static String describe(int incumbent, int candidate, PairedComparison.Result r) {
        return String.format(java.util.Locale.ROOT, "on %d evaluation items v%d has accuracy %.3f vs %.3f (difference %+.3f,"
                        + " 95%% bootstrap [%+.3f, %+.3f]), macro-F1 %.3f vs %.3f, log-loss %.3f vs %.3f, McNemar p %.3f"
                        + " (%d items only v%d gets right, %d only v%d)", r.items(), candidate, r.candidate().accuracy(),
                r.incumbent().accuracy(), r.difference(), r.low(), r.high(), r.candidate().macroF1(),
                r.incumbent().macroF1(), r.candidate().logLoss(), r.incumbent().logLoss(), r.mcNemarP(),
                r.onlyCandidate(), candidate, r.onlyIncumbent(), incumbent);
    }

    private PairedComparison.Result compare(HeadRecord incumbent, HeadRecord candidate, Labelled eval) {
        double[][] a = Predictor.predict(project, eval.pool(), incumbent, List.of(), null).probabilityRows();
        double[][] b = Predictor.predict(project, eval.pool(), candidate, List.of(), null).probabilityRows();
        return PairedComparison.compare(eval.truth(), a, b, project.labelNames().size(), project.settings().multiLabel(),
                candidate.version());
    }

    /** The labelled evaluation items of the pool, as a small pool of their own and their label indices. */
    record Labelled(Pool pool, int[][] truth) {
    }

    private Labelled labelled(Pool pool) {
        Set<Long> ids = repository.evalItems();
        Map<Long, Decision> labels = project.decisions().currentLabels();
        List<String> taxonomy = project.labelNames();
        // Rows in pool order: the subset pool keeps that order, and the truth must follow it.
        java.util.TreeMap<Integer, int[]> truthByRow = new java.util.TreeMap<>();
        for (long id : ids) {
            Decision d = labels.get(id);
            int row = pool.indexOf(id);
            if (d == null || row < 0) {
                continue;
            }
            int[] t = d.labels().stream().mapToInt(taxonomy::indexOf).filter(k -> k >= 0).toArray();
            if (t.length > 0) {
                truthByRow.put(row, t);
            }
        }
        int[] rows = truthByRow.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new Labelled(pool.subset(rows), truthByRow.values().toArray(new int[0][]));
    }

    private Optional<HeadRecord> version(int version) {
        return project.heads().byVersion(version);
    }
}
