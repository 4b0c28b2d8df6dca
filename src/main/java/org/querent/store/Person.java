package org.querent.store;

/**
 * One person of the project and their role in force.
 *
 * @param role      annotator, reviewer or lead
 * @param changedBy who gave them this role
 */
public record Person(String name, String role, String changedBy, String changedAt) {
}
