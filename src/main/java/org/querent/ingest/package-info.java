/** Turns a dataset folder (images, text files, CSV and JSONL tables, audio clips) into validated, hashed items; bad files are quarantined, never fatal. */
package org.querent.ingest;
