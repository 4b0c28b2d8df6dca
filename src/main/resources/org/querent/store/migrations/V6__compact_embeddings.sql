-- Embeddings in a rowid table, vectors as float16. The WITHOUT ROWID table keyed by two 64-character hashes
-- could keep at most about 1,000 bytes of a row on its 4 KB page, so every 1,536-byte float32 vector spilled
-- to an overflow page: about 4.7 KB of file per vector. A rowid table keeps rows of up to 4 KB on the page,
-- and a 768-byte float16 vector with its keys fits four to a page (ADR 0017).
-- The rows are copied, converted to float16, by the Java step of this migration (CompactEmbeddings).
ALTER TABLE embedding RENAME TO embedding_float32;

CREATE TABLE embedding (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,
    model_hash   TEXT NOT NULL REFERENCES model (hash),
    vector       BLOB NOT NULL,                       -- float16 little-endian
    class_scores BLOB                                 -- float32 little-endian, when the model has classes
);

CREATE UNIQUE INDEX embedding_key ON embedding (content_hash, model_hash);
