-- Audio items: the item kind widens to AUDIO and a clip keeps its sample rate, channels, length and codec.
-- SQLite cannot change a CHECK constraint in place, so the item table is rebuilt under the same name (other tables'
-- "REFERENCES item" then point at the new one; a rename would rewrite them). The drop's foreign-key checks are
-- deferred to the commit, by when every id is back.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE item_v4 AS SELECT * FROM item;
DROP TABLE item;
CREATE TABLE item (
    id                INTEGER PRIMARY KEY,
    item_key          TEXT NOT NULL UNIQUE,          -- path, or path#row for a row of a .csv/.jsonl
    path              TEXT NOT NULL,
    row_index         INTEGER NOT NULL DEFAULT -1,
    kind              TEXT NOT NULL CHECK (kind IN ('IMAGE', 'TEXT', 'AUDIO')),
    source            TEXT NOT NULL,
    size              INTEGER NOT NULL,                -- bytes of the item (a row: of its text)
    file_size         INTEGER NOT NULL,                -- bytes of the file, to tell an unchanged file
    modified_ms       INTEGER NOT NULL,
    content_hash      TEXT NOT NULL,
    body              TEXT,                           -- decoded text of text items
    folder_label      TEXT,                           -- DIR/<label>/file: ground truth kept apart
    state             TEXT NOT NULL CHECK (state IN ('active', 'quarantined', 'removed')),
    quarantine_reason TEXT,
    duplicate_of      INTEGER REFERENCES item (id),
    added_at          TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    sample_rate       INTEGER,                        -- audio clips: frames per second
    channels          INTEGER,                        -- audio clips: channel count
    frames            INTEGER,                        -- audio clips: samples per channel
    codec             TEXT                            -- audio clips: "PCM 16-bit", "FLAC 24-bit", "MP3", "Vorbis"
);
INSERT INTO item (id, item_key, path, row_index, kind, source, size, file_size, modified_ms, content_hash, body,
                  folder_label, state, quarantine_reason, duplicate_of, added_at, updated_at)
SELECT id, item_key, path, row_index, kind, source, size, file_size, modified_ms, content_hash, body,
       folder_label, state, quarantine_reason, duplicate_of, added_at, updated_at
FROM item_v4 ORDER BY id;
DROP TABLE item_v4;
CREATE INDEX item_content_hash ON item (content_hash);
CREATE INDEX item_path ON item (path);
