-- Querent project schema, version 2: teams. People and roles, a versioned taxonomy, globally unique
-- decision ids, and review, escalation and adjudication as decision events. See docs/adr/0010-*.
-- Runs in one transaction with the version bump (Migrations), so a crash leaves a whole version 1 file.

-- The project's identity: copies of one project (on several laptops) share it, so their decisions can merge
-- and a package from another project is refused.
INSERT OR IGNORE INTO meta (key, value)
VALUES ('project_id', lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
        || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))));

-- People: append-only role events; a person's role is their newest row.
CREATE TABLE person_role (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('annotator', 'reviewer', 'lead')),
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    reason     TEXT
);
CREATE INDEX person_role_name ON person_role (name, id);

CREATE VIEW person AS
SELECT p.name, p.role, p.changed_by, p.changed_at FROM person_role p
WHERE p.id = (SELECT max(x.id) FROM person_role x WHERE x.name = p.name);

-- Taxonomy versions: append-only, one row per published change. The label table stays the taxonomy in force.
CREATE TABLE taxonomy_version (
    version      INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    change       TEXT NOT NULL CHECK (change IN ('initial', 'add', 'rename', 'describe', 'rekey', 'merge', 'retire')),
    detail       TEXT NOT NULL,                     -- JSON object: the change's arguments
    labels       TEXT NOT NULL,                     -- JSON array: the whole taxonomy after the change
    author       TEXT NOT NULL,
    reason       TEXT NOT NULL,
    published_at TEXT NOT NULL
);

-- What each change did to names: from_name (in force before the version) became to_name (null: retired).
CREATE TABLE taxonomy_mapping (
    version   INTEGER NOT NULL REFERENCES taxonomy_version (version),
    from_name TEXT NOT NULL,
    to_name   TEXT,
    PRIMARY KEY (version, from_name)
) WITHOUT ROWID;

-- Derived from taxonomy_mapping, rebuilt at each change: a label given under taxonomy `version` now reads
-- as now_name (null: retired). Names that did not change have no row.
CREATE TABLE label_now (
    version  INTEGER NOT NULL REFERENCES taxonomy_version (version),
    name     TEXT NOT NULL,
    now_name TEXT,
    PRIMARY KEY (version, name)
) WITHOUT ROWID;

-- The taxonomy of an existing project becomes version 1 (a new, empty file gets it from 'init').
INSERT INTO taxonomy_version (version, uid, change, detail, labels, author, reason, published_at)
SELECT 1, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
          || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       'initial', '{}',
       (SELECT json_group_array(json_object('name', name, 'description', description, 'hotkey', hotkey))
        FROM (SELECT * FROM label ORDER BY position)),
       coalesce((SELECT value FROM meta WHERE key = 'created_by'), 'unknown'),
       'taxonomy in force when the project was upgraded to schema 2',
       coalesce((SELECT value FROM meta WHERE key = 'created_at'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
-- A file being created has meta rows but no labels yet: 'init' publishes its version 1 with the labels.
WHERE EXISTS (SELECT 1 FROM label);

-- Decisions, rebuilt to widen the kinds and add the team columns. Old rows keep their ids and get a uid.
DROP VIEW current_label;
DROP VIEW live_decision;
DROP INDEX decision_item;
DROP INDEX decision_undoes;
DROP INDEX decision_annotator;
ALTER TABLE decision RENAME TO decision_v1;

CREATE TABLE decision (
    id                INTEGER PRIMARY KEY,
    item_id           INTEGER NOT NULL REFERENCES item (id),
    kind              TEXT NOT NULL CHECK (kind IN ('label', 'skip', 'flag', 'note', 'undo', 'escalate', 'review')),
    labels            TEXT,                           -- JSON array of label names, as given (never rewritten)
    annotator         TEXT NOT NULL,
    decided_at        TEXT NOT NULL,
    accepted          INTEGER,
    pre_label         TEXT,
    pre_confidence    REAL,
    round_id          INTEGER REFERENCES round (id),
    guideline_version INTEGER REFERENCES guideline (version),
    model_version     INTEGER REFERENCES head (version),
    undoes            INTEGER REFERENCES decision (id),
    note              TEXT,
    origin            TEXT NOT NULL DEFAULT 'annotator', -- annotator, folders, escalation (a lead's resolution), adjudication
    -- Globally unique, so decisions from several laptops merge without clashing (UUID v4 text).
    uid               TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
                          || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
                          || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    taxonomy_version  INTEGER REFERENCES taxonomy_version (version), -- in force when decided
    verdict           TEXT CHECK (verdict IN ('approve', 'change', 'reject')), -- review decisions
    refers_to         TEXT                            -- uid of the decision reviewed, or of the escalation resolved
);
INSERT INTO decision (id, item_id, kind, labels, annotator, decided_at, accepted, pre_label, pre_confidence, round_id,
                      guideline_version, model_version, undoes, note, origin, taxonomy_version)
SELECT id, item_id, kind, labels, annotator, decided_at, accepted, pre_label, pre_confidence, round_id,
       guideline_version, model_version, undoes, note, origin, (SELECT max(version) FROM taxonomy_version)
FROM decision_v1 ORDER BY id;
DROP TABLE decision_v1;
CREATE INDEX decision_item ON decision (item_id);
CREATE INDEX decision_undoes ON decision (undoes);
CREATE INDEX decision_annotator ON decision (annotator, id);
CREATE INDEX decision_refers_to ON decision (refers_to);

-- Every decision records the taxonomy version in force, whichever code path appends it.
CREATE TRIGGER decision_taxonomy_version AFTER INSERT ON decision
WHEN NEW.taxonomy_version IS NULL
BEGIN
    UPDATE decision SET taxonomy_version = (SELECT max(version) FROM taxonomy_version) WHERE id = NEW.id;
END;

-- Append-only, enforced by the file itself.
CREATE TRIGGER decision_no_update BEFORE UPDATE OF id, item_id, kind, labels, annotator, decided_at, accepted,
    pre_label, pre_confidence, round_id, guideline_version, model_version, undoes, note, origin, uid, verdict,
    refers_to ON decision
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only: record a new decision instead');
END;
CREATE TRIGGER decision_taxonomy_version_once BEFORE UPDATE OF taxonomy_version ON decision
WHEN OLD.taxonomy_version IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only: record a new decision instead');
END;
CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only: record a new decision instead');
END;

CREATE VIEW live_decision AS
SELECT d.* FROM decision d
WHERE d.kind <> 'undo' AND NOT EXISTS (SELECT 1 FROM decision u WHERE u.undoes = d.id);

-- The newest live label decision per item, labels as they were given.
CREATE VIEW given_label AS
SELECT l.* FROM live_decision l
WHERE l.kind = 'label'
  AND l.id = (SELECT max(l2.id) FROM live_decision l2 WHERE l2.item_id = l.item_id AND l2.kind = 'label');

-- Current labels read through the taxonomy: renamed and merged labels under their name now, retired ones
-- dropped; an item left with no label in force, or whose label a reviewer rejected, is not labelled (it goes
-- back to the queue).
CREATE VIEW current_label AS
SELECT id, item_id, kind, labels, annotator, decided_at, accepted, pre_label, pre_confidence, round_id,
       guideline_version, model_version, undoes, note, origin, uid, taxonomy_version, verdict, refers_to, given_labels
FROM (SELECT g.id, g.item_id, g.kind, g.annotator, g.decided_at, g.accepted, g.pre_label, g.pre_confidence,
             g.round_id, g.guideline_version, g.model_version, g.undoes, g.note, g.origin, g.uid,
             g.taxonomy_version, g.verdict, g.refers_to, g.labels AS given_labels,
             (SELECT json_group_array(label_read) FROM (
                  SELECT CASE WHEN n.name IS NULL THEN j.value ELSE n.now_name END AS label_read, min(j.key) AS position
                  FROM json_each(g.labels) j
                  LEFT JOIN label_now n ON n.version = g.taxonomy_version AND n.name = j.value
                  GROUP BY 1 HAVING label_read IS NOT NULL ORDER BY position)) AS labels
      FROM given_label g
      WHERE NOT EXISTS (SELECT 1 FROM live_decision r
                        WHERE r.kind = 'review' AND r.verdict = 'reject' AND r.refers_to = g.uid))
WHERE labels <> '[]';
