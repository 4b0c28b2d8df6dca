/** Background work for the UI: lanes of single threads, results back on the FX thread. */
package org.querent.ui.task;
