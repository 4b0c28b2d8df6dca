/**
 * The team in the workstation: who is labelling, the review queue, the taxonomy editor and the agreement panel.
 * Everything reaches the project through session's TeamDesk, off the JavaFX thread.
 */
package org.querent.ui.team;
