-- The commit order of a bureau's versions (docs/HISTORY.md, "A race"). `committed_seq` is the
-- bureau's history_seq once the version was committed: a verdict whose history was read at seq n
-- may have missed a version of the bureau holding one of its teachers with committed_seq > n.
-- Commits of other teachers meanwhile do not count, so a busy bureau does not re-evaluate every
-- verdict that raced an unrelated commit (the first design compared the bureau's counter alone).
ALTER TABLE submissions ADD COLUMN committed_seq INTEGER;

-- Existing versions: when each was committed was never recorded, so each gets its bureau's
-- counter as it stands, an upper bound. A lookup made before this migration (in flight while it
-- runs) read a lower seq and takes every existing version as committed after it: its verdict is
-- marked and re-evaluated, never left wrongly fresh. Every lookup made after it reads a seq at
-- least as high, so no existing version makes a new verdict stale. Staging rows stay NULL: their
-- commit stamps them.
UPDATE submissions
   SET committed_seq = (SELECT b.history_seq FROM schools sc JOIN bureaus b ON b.id = sc.bureau_id
                         WHERE sc.code = submissions.school_code)
 WHERE status = 'stored';

-- A worker of the previous release, still answering while the new one is deployed, commits without
-- stamping: the status change stamps it then, with the value its commit's history_seq + 1 brings
-- the bureau to (that release counts the bureau up after marking the version stored, in the same
-- transaction). The new release stamps in the same statement, so this never fires for it.
CREATE TRIGGER submissions_committed_seq AFTER UPDATE OF status ON submissions
  WHEN OLD.status = 'staging' AND NEW.status = 'stored' AND NEW.committed_seq IS NULL
  BEGIN
    UPDATE submissions
       SET committed_seq = (SELECT b.history_seq + 1 FROM schools sc JOIN bureaus b ON b.id = sc.bureau_id
                             WHERE sc.code = NEW.school_code)
     WHERE id = NEW.id;
  END;
