/** Shared vocabulary of every layer: the project exception, progress and cancellation. Depends on nothing. */
package org.querent.common;
