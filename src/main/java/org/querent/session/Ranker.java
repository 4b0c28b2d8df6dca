package org.querent.session;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.HeadRecord;

/** Loads the scored pool and predicts it with the best source available: the step before every queue. */
public final class Ranker {
    private final Project project;
    private final ModelSession models;

    private final PoolGraphCache graphs;

    public Ranker(Project project, ModelSession models) {
        this(project, models, PoolGraphCache.user());
    }

    /** With another graph cache (tests keep theirs in a temporary folder). */
    public Ranker(Project project, ModelSession models, PoolGraphCache graphs) {
        this.project = project;
        this.models = models;
        this.graphs = graphs;
    }

    /** The pool and its predictions, or a clear error when nothing is scored yet. */
    public record Ranked(Pool pool, Predictions predictions) {
    }

    /** The hash of the model whose pool this ranks. */
    public String modelHash() {
        return models.hash();
    }

    public Ranked predictPool() {
        Pool pool = Pool.load(project, models.hash());
        if (pool.size() == 0) {
            throw new QuerentException(ErrorKind.USAGE, "no scored items"
                    + (pool.unscored() > 0 ? " (" + pool.unscored() + " waiting)" : "")
                    + ": run 'querent import' and 'querent score' on " + project.file().getFileName() + " first");
        }
        return new Ranked(pool, predict(pool));
    }

    /**
     * Predicts a sample of the pool as {@link #predict} would, row by row, or empty when the version in use spreads
     * labels over the whole pool's neighbour graph (a sample has no such graph).
     */
    public java.util.Optional<Predictions> predictSample(Pool sample) {
        HeadRecord head = ModelVersions.inUse(project, sample.modelHash()).orElse(null);
        return SpreadPredictions.isSpreading(head) ? java.util.Optional.empty() : java.util.Optional.of(predict(sample));
    }

    /** Predicts a loaded pool with the version in use, the model's classes, zero-shot, or nothing. */
    public Predictions predict(Pool pool) {
        HeadRecord head = ModelVersions.inUse(project, pool.modelHash()).orElse(null);
        Predictions predictions = Predictor.predict(project, pool, head,
                head == null ? models.modelClassLabels() : java.util.List.of(),
                head == null && models.readsText() ? models::embedTexts : null);
        if (head == null) {
            // before the first version, an imported external model's pre-labels come first where it has them
            return ExternalPreLabels.overlay(project, pool, predictions);
        }
        // a spreading version predicts its pool by spreading the labels over the neighbour graph
        return SpreadPredictions.isSpreading(head) ? SpreadPredictions.of(project, pool, head, predictions, graphs)
                : predictions;
    }
}
