/**
 * Teams without a server: the project's people and their roles with the permission checks, the versioned
 * taxonomy (add, rename, describe, re-key, merge, retire) and escalations to the lead. Everything is recorded
 * in the project file as append-only events; the command line and the workstation both call these services.
 */
package org.querent.team;
