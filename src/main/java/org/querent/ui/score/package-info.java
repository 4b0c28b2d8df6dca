/** Scoring the pool with the model, with progress and cancel. */
package org.querent.ui.score;
