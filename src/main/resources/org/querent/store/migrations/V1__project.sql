-- Querent project schema, version 1.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE label (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    hotkey      TEXT,
    position    INTEGER NOT NULL
);

CREATE TABLE guideline (
    version      INTEGER PRIMARY KEY,
    body         TEXT NOT NULL,
    source       TEXT,
    published_at TEXT NOT NULL
);

CREATE TABLE item (
    id                INTEGER PRIMARY KEY,
    item_key          TEXT NOT NULL UNIQUE,          -- path, or path#row for a row of a .csv/.jsonl
    path              TEXT NOT NULL,
    row_index         INTEGER NOT NULL DEFAULT -1,
    kind              TEXT NOT NULL CHECK (kind IN ('IMAGE', 'TEXT')),
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
    updated_at        TEXT NOT NULL
);
CREATE INDEX item_content_hash ON item (content_hash);
CREATE INDEX item_path ON item (path);

CREATE TABLE model (
    hash         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    reference    TEXT NOT NULL,
    input        TEXT NOT NULL,
    dimension    INTEGER NOT NULL,
    class_labels TEXT NOT NULL,                       -- JSON array
    added_at     TEXT NOT NULL
);

-- Keyed by content and model: a duplicate is embedded once, retraining never re-runs the model.
CREATE TABLE embedding (
    content_hash TEXT NOT NULL,
    model_hash   TEXT NOT NULL REFERENCES model (hash),
    vector       BLOB NOT NULL,                       -- float32 little-endian
    class_scores BLOB,                                -- float32 little-endian, when the model has classes
    PRIMARY KEY (content_hash, model_hash)
) WITHOUT ROWID;

CREATE TABLE head (
    version        INTEGER PRIMARY KEY,
    parent_version INTEGER REFERENCES head (version),
    model_hash     TEXT NOT NULL REFERENCES model (hash),
    created_at     TEXT NOT NULL,
    class_names    TEXT NOT NULL,                     -- JSON array, the head's output order
    weights        BLOB NOT NULL,
    label_count    INTEGER NOT NULL,
    last_event_id  INTEGER NOT NULL,                  -- the labels it saw: every decision up to this event
    provenance     TEXT NOT NULL                      -- JSON: settings, seed, iterations, held-out metrics
);

CREATE TABLE round (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    strategy      TEXT NOT NULL,
    model_version INTEGER REFERENCES head (version),  -- null: zero-shot or the model's own classes
    model_hash    TEXT NOT NULL,
    predictor     TEXT NOT NULL,                      -- head vN, zero-shot, model-classes
    pool_size     INTEGER NOT NULL,
    seed          INTEGER NOT NULL,
    settings      TEXT NOT NULL                       -- JSON
);

CREATE TABLE round_item (
    round_id   INTEGER NOT NULL REFERENCES round (id),
    item_id    INTEGER NOT NULL REFERENCES item (id),
    rank       INTEGER NOT NULL,
    score      REAL NOT NULL,
    pre_label  TEXT,
    confidence REAL,
    PRIMARY KEY (round_id, item_id)
);
CREATE INDEX round_item_item ON round_item (item_id);

-- Append-only decisions. The current label of an item is derived: its newest 'label' event not undone.
CREATE TABLE decision (
    id                INTEGER PRIMARY KEY,
    item_id           INTEGER NOT NULL REFERENCES item (id),
    kind              TEXT NOT NULL CHECK (kind IN ('label', 'skip', 'flag', 'note', 'undo')),
    labels            TEXT,                           -- JSON array of label names
    annotator         TEXT NOT NULL,
    decided_at        TEXT NOT NULL,
    accepted          INTEGER,                        -- 1: pre-label accepted, 0: corrected, null: none shown
    pre_label         TEXT,
    pre_confidence    REAL,
    round_id          INTEGER REFERENCES round (id),
    guideline_version INTEGER REFERENCES guideline (version),
    model_version     INTEGER REFERENCES head (version),
    undoes            INTEGER REFERENCES decision (id),
    note              TEXT,
    origin            TEXT NOT NULL DEFAULT 'annotator'  -- annotator, folders (seed labels from sub-folders)
);
CREATE INDEX decision_item ON decision (item_id);
CREATE INDEX decision_undoes ON decision (undoes);
CREATE INDEX decision_annotator ON decision (annotator, id);

CREATE VIEW live_decision AS
SELECT d.* FROM decision d
WHERE d.kind <> 'undo' AND NOT EXISTS (SELECT 1 FROM decision u WHERE u.undoes = d.id);

CREATE VIEW current_label AS
SELECT l.* FROM live_decision l
WHERE l.kind = 'label'
  AND l.id = (SELECT max(l2.id) FROM live_decision l2 WHERE l2.item_id = l.item_id AND l2.kind = 'label');
