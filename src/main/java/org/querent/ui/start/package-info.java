/** The start screen and the new-project wizard. */
package org.querent.ui.start;
