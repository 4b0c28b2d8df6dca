-- Querent project schema, version 3: work packages and merging in any order. See docs/adr/0013-*.
-- Runs in one transaction with the version bump (Migrations).

-- Rounds and heads get global ids, so a decision merged from a colleague's copy keeps the round that chose its
-- item and the model version that pre-labelled it (their integer ids are local to each file).
ALTER TABLE round ADD COLUMN uid TEXT;
ALTER TABLE head ADD COLUMN uid TEXT;
-- Null: trained in this file. Otherwise the copy a merged head came from: kept as provenance of the decisions
-- that point at it, never used to predict (HeadRepository skips it).
ALTER TABLE head ADD COLUMN merged_from TEXT;

UPDATE round SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
        || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE head SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
        || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX round_uid ON round (uid);
CREATE UNIQUE INDEX head_uid ON head (uid);

-- ALTER TABLE cannot give a column a computed default: a new row without a uid gets one here.
CREATE TRIGGER round_uid_default AFTER INSERT ON round
WHEN NEW.uid IS NULL
BEGIN
    UPDATE round SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
        || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
        || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id;
END;
CREATE TRIGGER head_uid_default AFTER INSERT ON head
WHEN NEW.uid IS NULL
BEGIN
    UPDATE head SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
        || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
        || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE version = NEW.version;
END;

-- Schema 2 gave a brand-new file an empty version 1 (its project id was already in meta): 'init' publishes the
-- real one once the labels are in.
DELETE FROM taxonomy_version WHERE version = 1 AND labels = '[]' AND NOT EXISTS (SELECT 1 FROM label)
    AND NOT EXISTS (SELECT 1 FROM decision);

-- Work packages written by 'querent pack': who got which items. shared = 1 for the overlap set, the items given
-- to several people for agreement (later packs with --overlap reuse it).
CREATE TABLE work_package (
    uid        TEXT PRIMARY KEY,
    person     TEXT NOT NULL,
    file       TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    overlap    REAL NOT NULL,
    items      INTEGER NOT NULL
);
CREATE TABLE work_package_item (
    package_uid TEXT NOT NULL REFERENCES work_package (uid),
    item_id     INTEGER NOT NULL REFERENCES item (id),
    shared      INTEGER NOT NULL CHECK (shared IN (0, 1)),
    position    INTEGER NOT NULL,                 -- order within the package
    PRIMARY KEY (package_uid, item_id)
) WITHOUT ROWID;
CREATE INDEX work_package_item_item ON work_package_item (item_id);

-- A person's role in force: the newest role event by its time, then by local id, so merged copies agree.
DROP VIEW person;
CREATE VIEW person AS
SELECT p.name, p.role, p.changed_by, p.changed_at FROM person_role p
WHERE p.id = (SELECT x.id FROM person_role x WHERE x.name = p.name ORDER BY x.changed_at DESC, x.id DESC LIMIT 1);

-- The current label no longer depends on the order files were merged in: the newest live label by the time it
-- was given, then by annotator, then by local id (one person's decisions keep their order in every file).
DROP VIEW current_label;
DROP VIEW given_label;
CREATE VIEW given_label AS
SELECT l.* FROM live_decision l
WHERE l.kind = 'label'
  AND l.id = (SELECT l2.id FROM live_decision l2 WHERE l2.item_id = l.item_id AND l2.kind = 'label'
              ORDER BY l2.decided_at DESC, l2.annotator DESC, l2.id DESC LIMIT 1);

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
