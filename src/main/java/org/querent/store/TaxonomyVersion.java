package org.querent.store;

import java.util.List;
import java.util.Map;

/**
 * One published taxonomy version (an append-only event).
 *
 * @param change  initial, add, rename, describe, rekey, merge or retire
 * @param detail  the change's arguments, as recorded
 * @param labels  the whole taxonomy after the change, in display order
 * @param mapping what the change did to names in force before it: old name to new name, null when retired
 */
public record TaxonomyVersion(int version, String uid, String change, Map<String, Object> detail,
                              List<LabelDefinition> labels, String author, String reason, String publishedAt,
                              Map<String, String> mapping) {
}
