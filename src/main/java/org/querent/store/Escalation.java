package org.querent.store;

/**
 * An open escalation: the item's newest decision in force is an escalate event.
 *
 * @param uid the escalate decision's global id, which its resolution refers to
 */
public record Escalation(long itemId, String itemKey, String uid, String annotator, String reason, String escalatedAt) {
}
