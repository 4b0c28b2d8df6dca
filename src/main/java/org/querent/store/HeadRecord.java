package org.querent.store;

import java.util.List;
import java.util.Map;

/**
 * A trained classifier head: one model version of the project.
 *
 * @param version      1, 2, ... in training order
 * @param parentVersion the version it was warm-started from, or null
 * @param classNames   the head's output order
 * @param weights      serialised head
 * @param lastEventId  every decision up to this id was in its training set
 * @param provenance   settings, seed, iterations, held-out metrics
 */
public record HeadRecord(int version, Integer parentVersion, String modelHash, String createdAt,
                         List<String> classNames, byte[] weights, int labelCount, long lastEventId,
                         Map<String, Object> provenance) {
}
