-- Embeddings keyed by (model id, content hash) instead of (content hash, model hash). Every stored row put a
-- 64-character model hash in its row and in the unique key, so the key index held two 64-character strings a
-- row; a small image model stores tens of thousands of rows a second and that index was a third of score's work.
-- The model gets a small integer id (its rowid, kept by an explicit column: VACUUM may renumber rowids), and the
-- key index holds the integer and the content hash (ADR 0026). Vectors stay float16, row ids stay as they were.
ALTER TABLE model ADD COLUMN id INTEGER;

UPDATE model SET id = rowid;

CREATE UNIQUE INDEX model_id ON model (id);

CREATE TABLE embedding_by_model_id (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,
    model_id     INTEGER NOT NULL REFERENCES model (id),
    vector       BLOB NOT NULL,                       -- float16 little-endian
    class_scores BLOB                                 -- float32 little-endian, when the model has classes
);

INSERT INTO embedding_by_model_id (id, content_hash, model_id, vector, class_scores)
SELECT e.id, e.content_hash, m.id, e.vector, e.class_scores
FROM embedding e JOIN model m ON m.hash = e.model_hash ORDER BY e.id;

-- Drops the old key index and the old delete trigger with the table (a DROP runs no trigger).
DROP TABLE embedding;

ALTER TABLE embedding_by_model_id RENAME TO embedding;

-- Built once over the copied rows, sorted, rather than row by row.
CREATE UNIQUE INDEX embedding_key ON embedding (model_id, content_hash);

CREATE TRIGGER embedding_generation_delete AFTER DELETE ON embedding
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'items.generation';
END;
