package org.querent.session;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.querent.store.Json;
import org.querent.store.MetaRepository;

/**
 * Which items each round drew as audit picks. The round's settings JSON is the record of provenance; this
 * index in the meta table (round id to item ids) exists because the store has no reader for round settings
 * and the schema must not change. It is written right after the round, so a crash in between loses at most
 * that round's audit flags from the estimate, never a decision.
 */
final class AuditPicks {
    static final String KEY = "audit_picks";

    private AuditPicks() {
    }

    static void add(MetaRepository meta, long roundId, List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        Map<String, Object> all = new LinkedHashMap<>(meta.get(KEY).map(Json::map).orElse(Map.of()));
        all.put(Long.toString(roundId), itemIds);
        meta.put(KEY, Json.write(all));
    }

    /** Round id to the items it drew for the audit. */
    static Map<Long, Set<Long>> read(MetaRepository meta) {
        Map<Long, Set<Long>> out = new HashMap<>();
        meta.get(KEY).map(Json::map).orElse(Map.of()).forEach((round, items) -> {
            Set<Long> ids = new LinkedHashSet<>();
            if (items instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Number n) {
                        ids.add(n.longValue());
                    }
                }
            }
            out.put(Long.parseLong(round), ids);
        });
        return out;
    }
}
