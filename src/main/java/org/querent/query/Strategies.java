package org.querent.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.querent.common.QuerentException;

/** The strategies a user can name on the command line or in settings. */
public final class Strategies {

    /** Insertion order is the order shown to users: the baseline first. */
    private static final Map<String, Supplier<QueryStrategy>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(RandomStrategy.NAME, RandomStrategy::new);
        REGISTRY.put(LeastConfidenceStrategy.NAME, LeastConfidenceStrategy::new);
        REGISTRY.put(MarginStrategy.NAME, MarginStrategy::new);
        REGISTRY.put(EntropyStrategy.NAME, EntropyStrategy::new);
        REGISTRY.put(QbcStrategy.NAME, QbcStrategy::new);
        REGISTRY.put(QbcKlStrategy.NAME, QbcKlStrategy::new);
        REGISTRY.put(ExpectedGradientLengthStrategy.NAME, ExpectedGradientLengthStrategy::new);
        REGISTRY.put(CoresetStrategy.NAME, CoresetStrategy::new);
        REGISTRY.put(BadgeStrategy.NAME, BadgeStrategy::new);
        REGISTRY.put(TypiclustStrategy.NAME, TypiclustStrategy::new);
    }

    private Strategies() {
    }

    /** Known names: random, least-confidence, margin, entropy, qbc, qbc-kl, egl, coreset, badge, typiclust. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /**
     * @throws QuerentException USAGE for an unknown name, listing the known ones
     */
    public static QueryStrategy byName(String name) {
        Supplier<QueryStrategy> factory = name == null ? null : REGISTRY.get(name.trim().toLowerCase(java.util.Locale.ROOT));
        if (factory == null) {
            throw QuerentException.usage("unknown query strategy '" + name + "': choose one of "
                    + String.join(", ", REGISTRY.keySet()));
        }
        return factory.get();
    }
}
