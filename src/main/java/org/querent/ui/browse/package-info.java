/** The data browser: a table of all items with filters and search. */
package org.querent.ui.browse;
