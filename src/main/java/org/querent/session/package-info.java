/**
 * The labelling loop over a project: import, score, predict, queue, label, train, export. Plain Java
 * with listeners; the command line and the workstation both call these services.
 */
package org.querent.session;
