/** Turns a dataset folder (images, text files, CSV and JSONL tables) into validated, hashed items; bad files are quarantined, never fatal. */
package org.querent.ingest;
