/** Shared UI pieces: theme, error dialogs, small controls. */
package org.querent.ui.common;
