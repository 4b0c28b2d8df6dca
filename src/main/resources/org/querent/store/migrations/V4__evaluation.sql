-- Querent project schema: labels and predictions from other tools, the evaluation set and the promotion gate.
-- See docs/adr/0015-*.

-- Pre-labels of an external model (Label Studio predictions, import-labels --as-predictions). Not decisions:
-- they never count as labels; export --predictions writes them beside Querent's own.
CREATE TABLE external_prediction (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,              -- from the row's content: importing a file twice adds nothing
    item_id       INTEGER NOT NULL REFERENCES item (id),
    model_version TEXT NOT NULL,
    labels        TEXT NOT NULL,                     -- JSON array
    score         REAL,
    origin        TEXT NOT NULL,                     -- import:csv, import:prodigy, import:label-studio
    imported_at   TEXT NOT NULL
);
CREATE INDEX external_prediction_item ON external_prediction (item_id);

-- The evaluation set: a uniform random sample of items, fixed once drawn, never trained on.
CREATE TABLE eval_item (
    item_id  INTEGER PRIMARY KEY REFERENCES item (id),
    added_at TEXT NOT NULL,
    draw     INTEGER NOT NULL,                       -- which eval-set call drew it
    seed     INTEGER NOT NULL
);

-- Every change of the version in use, and every candidate the gate kept back, with the figures behind it.
CREATE TABLE promotion (
    id         INTEGER PRIMARY KEY,
    version    INTEGER NOT NULL REFERENCES head (version),
    model_hash TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('promote', 'hold', 'rollback')),
    previous   INTEGER REFERENCES head (version),  -- the version in use before (null: none)
    decided_by TEXT NOT NULL,                       -- 'gate' or the lead's name
    decided_at TEXT NOT NULL,
    reason     TEXT NOT NULL,
    figures    TEXT NOT NULL                        -- JSON: both versions' metrics on the evaluation set and the test
);
CREATE INDEX promotion_model ON promotion (model_hash, id);
