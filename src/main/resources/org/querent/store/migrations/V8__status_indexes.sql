-- Indexes for the figures of 'status' (ADR 0025), partial so that they hold only the rare rows: a plain index on
-- state would be chosen by every "state = 'active'" query (the pool load, the scoring walk) and replace their
-- sequential scan of the items by an index walk plus a row lookup per item, for nearly every item. The active count
-- is the item count (a scan of the smallest index) less the rows of this index.
CREATE INDEX item_state_not_active ON item (state) WHERE state <> 'active';

-- Duplicates are few: their count reads only them.
CREATE INDEX item_duplicate_of ON item (duplicate_of) WHERE duplicate_of IS NOT NULL;
