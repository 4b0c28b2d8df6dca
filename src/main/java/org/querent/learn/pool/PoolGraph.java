package org.querent.learn.pool;

import java.util.function.Supplier;

import org.querent.learn.graph.NeighbourGraph;

/**
 * The pool's neighbour graph and its spreading operator, made on first use and then kept: a supervised head never
 * asks for them, and cross-validation spreads many times over one graph.
 */
public final class PoolGraph {
    private final Supplier<NeighbourGraph> source;
    private NeighbourGraph graph;
    private LabelSpreading spreading;

    public PoolGraph(Supplier<NeighbourGraph> source) {
        this.source = source;
    }

    /** A graph that is already built. */
    public static PoolGraph of(NeighbourGraph graph) {
        return new PoolGraph(() -> graph);
    }

    public synchronized NeighbourGraph graph() {
        if (graph == null) {
            graph = source.get();
        }
        return graph;
    }

    public synchronized LabelSpreading spreading() {
        if (spreading == null) {
            spreading = new LabelSpreading(graph());
        }
        return spreading;
    }
}
