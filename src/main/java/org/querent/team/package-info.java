/**
 * Teams without a server: the project's people and their roles with the permission checks, the versioned
 * taxonomy (add, rename, describe, re-key, merge, retire), escalations to the lead, review, agreement and
 * adjudication, and offline teamwork: work packages for colleagues' laptops and merging them back in any order.
 * Everything is recorded in the project file as append-only events; the command line and the workstation both
 * call these services.
 */
package org.querent.team;
