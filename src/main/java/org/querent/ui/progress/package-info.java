/** Project progress: labels per class, learning curve, acceptance of pre-labels, pace. */
package org.querent.ui.progress;
