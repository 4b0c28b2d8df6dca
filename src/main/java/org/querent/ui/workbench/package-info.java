/**
 * What every workbench screen shares: the context a screen is built with. The shell depends on
 * the screens and the screens on this package, never on the shell, so the UI packages form no cycle.
 */
package org.querent.ui.workbench;
