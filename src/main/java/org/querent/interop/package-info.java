/**
 * Label and prediction files of other tools, read and written: CSV, Prodigy JSONL, Label Studio JSON. Plain records
 * in and out; matching rows to a project's items and storing them is the session's job.
 */
package org.querent.interop;
