/** The user's preferences and per-user folders. No JavaFX. */
package org.querent.ui.settings;
