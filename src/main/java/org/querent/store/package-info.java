/**
 * The project's SQLite file: opening with a process lock, ordered migrations, and one repository per
 * aggregate (items, embeddings, heads, rounds, decisions). SQL lives here and nowhere else.
 */
package org.querent.store;
