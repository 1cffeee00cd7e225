-- The bureau's record (archive.md §1 and §3): review states, the history across years and schools,
-- and re-evaluation when a ledger a verdict counted changes.
--
-- The review state gets its own column instead of a rebuilt `status` CHECK: rebuilding
-- `submissions` means dropping a table that six tables reference, and SQLite counts every child
-- row as a foreign-key violation at the drop (defer_foreign_keys defers the count, it does not
-- forget it), so a rebuild would have to copy every teacher and training row too. `status` keeps
-- only the storage lifecycle (staging → stored); two triggers hold it to those values, which is
-- what a rebuilt CHECK would have said.

ALTER TABLE submissions ADD COLUMN review_state TEXT NOT NULL DEFAULT 'pending'
  CHECK (review_state IN ('pending', 'returned', 'approved', 'superseded'));
-- The version of the same school and year approved before this one, when this one came after an
-- approval (the dashboard marks it "changed after approval"); NULL otherwise.
ALTER TABLE submissions ADD COLUMN approved_version INTEGER;
-- Set when a ledger this version's verdict read changed; NULL when the verdict is up to date.
ALTER TABLE submissions ADD COLUMN stale_since TEXT;
-- When the stored verdict was computed (at submission, or at its latest re-evaluation).
ALTER TABLE submissions ADD COLUMN evaluated_at TEXT;

-- Existing rows: the current version keeps its review (stored = waiting = pending), every other
-- stored version was replaced by a newer one.
UPDATE submissions SET review_state = CASE
    WHEN status = 'staging' THEN 'pending'
    WHEN id NOT IN (SELECT submission_id FROM current_submissions) THEN 'superseded'
    WHEN status = 'stored' THEN 'pending'
    ELSE status
  END,
  evaluated_at = submitted_at;
UPDATE submissions SET approved_version = (
    SELECT MAX(o.version) FROM submissions o
     WHERE o.school_code = submissions.school_code AND o.year = submissions.year AND o.version < submissions.version
       AND o.status = 'approved'
  )
 WHERE status <> 'staging';
UPDATE submissions SET status = 'stored' WHERE status IN ('approved', 'returned');

CREATE TRIGGER submissions_status_insert BEFORE INSERT ON submissions
  WHEN NEW.status NOT IN ('staging', 'stored')
  BEGIN SELECT RAISE(ABORT, 'submissions.status is staging or stored; the review is review_state'); END;
CREATE TRIGGER submissions_status_update BEFORE UPDATE OF status ON submissions
  WHEN NEW.status NOT IN ('staging', 'stored')
  BEGIN SELECT RAISE(ABORT, 'submissions.status is staging or stored; the review is review_state'); END;

-- Every version counts up: a submission stores the value it read with its history, and one that
-- finds it moved at commit knows another ledger of the bureau changed in between.
ALTER TABLE bureaus ADD COLUMN history_seq INTEGER NOT NULL DEFAULT 0;

-- The other submissions a verdict counted records of: `idx` is the index in the stored report's
-- `sources` (0, the workbook itself, is not listed). When `source_id` stops being current, the
-- verdicts that counted it are re-evaluated.
CREATE TABLE submission_sources (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  idx INTEGER NOT NULL CHECK (idx > 0),
  source_id TEXT NOT NULL REFERENCES submissions (id),
  PRIMARY KEY (submission_id, idx)
);
CREATE INDEX submission_sources_by_source ON submission_sources (source_id);

-- The history lookup: a roster's teachers' records in every submission, by keyed hash; the
-- submission id in the index lets the join to current_submissions skip superseded versions' rows.
CREATE INDEX trainings_by_hmac ON trainings (id_hmac, submission_id);
CREATE INDEX duties_by_hmac ON duties (id_hmac, submission_id);
CREATE INDEX milestones_by_hmac ON milestones (id_hmac, submission_id);
-- From a version to whether it is current (the lookup's and the re-evaluation's joins).
CREATE INDEX current_by_submission ON current_submissions (submission_id);
-- Stale verdicts of a bureau's year, found without a scan.
CREATE INDEX submissions_stale ON submissions (year, stale_since) WHERE stale_since IS NOT NULL;
