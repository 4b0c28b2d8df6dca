/** The composition root: Launcher.main picks the command line or the workstation. */
package org.querent.app;
