package org.querent.store;

/**
 * One label of the taxonomy.
 *
 * @param name        the label, as stored in decisions
 * @param description one line for annotators and for zero-shot pre-labels
 * @param hotkey      the key that assigns it in the workstation, or null
 */
public record LabelDefinition(String name, String description, String hotkey) {
}
