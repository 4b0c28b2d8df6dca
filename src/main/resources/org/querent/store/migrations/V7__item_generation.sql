-- A counter that moves whenever an item's content, state or duplicate link changes, or an item or embedding is
-- deleted: what can make an item wait for the model without adding a new item id. With the largest item id it
-- stamps "nothing waits for this model", so opening a scored million-item project skips a join of every item
-- with the embeddings (ADR 0020). Inserts need no trigger: a new item has a new, larger id.
INSERT OR IGNORE INTO meta(key, value) VALUES ('items.generation', '0');

CREATE TRIGGER item_generation_update AFTER UPDATE OF content_hash, state, duplicate_of ON item
WHEN OLD.content_hash IS NOT NEW.content_hash OR OLD.state IS NOT NEW.state
     OR OLD.duplicate_of IS NOT NEW.duplicate_of
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'items.generation';
END;

CREATE TRIGGER item_generation_delete AFTER DELETE ON item
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'items.generation';
END;

CREATE TRIGGER embedding_generation_delete AFTER DELETE ON embedding
BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'items.generation';
END;
