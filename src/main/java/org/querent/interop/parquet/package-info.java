/**
 * A small Parquet reader, enough for files that Spark and parquet-java write by default: the footer in Thrift's
 * compact protocol, data pages v1 and v2, PLAIN and dictionary encodings, RLE/bit-packed definition levels of
 * flat optional columns, UNCOMPRESSED and SNAPPY pages. Row groups and pages are read one at a time, so a file
 * is never held in memory whole. It exists so the desktop jar reads Parquet without Hadoop (ADR 0023); anything
 * beyond that subset is refused with a message that names the file, the feature and what to write instead.
 */
package org.querent.interop.parquet;
