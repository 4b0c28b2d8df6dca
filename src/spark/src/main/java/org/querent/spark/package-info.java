/**
 * Spark jobs over Querent's own model code (ADR 0022): {@link org.querent.spark.EmbedJob} embeds a dataset too large
 * for a laptop, one ONNX Runtime session per partition, and writes Parquet that {@code querent import-embeddings}
 * loads; with {@code --head} it writes a candidate sample (most uncertain, most diverse) instead. Nothing in the
 * desktop app depends on this package: it is a separate Maven module.
 */
package org.querent.spark;
