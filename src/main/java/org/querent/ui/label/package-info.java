/** The focused labelling view: item, pre-label, probabilities, keys, why, history. */
package org.querent.ui.label;
