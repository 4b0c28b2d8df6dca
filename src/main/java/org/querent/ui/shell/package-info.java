/** The main window: menus, navigation between screens, the status bar, opening and closing projects. */
package org.querent.ui.shell;
