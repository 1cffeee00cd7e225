-- Issue 12. No plaintext column may give back the digits id_masked hides (characters 7–14, the
-- birth date): teachers.birth_date did, so every ID could be rebuilt from a database copy without
-- any key. No rule reads it (the birth date stays inside id_enc), so the column goes.
-- Note: the dropped values are still in backups and exports made before this migration, and in
-- D1 Time Travel for its retention window (docs/SECURITY.md).
ALTER TABLE teachers DROP COLUMN birth_date;

-- Idempotency keys belong to the school and the key, not to the token: a clerk whose token was
-- re-issued retries the same submission and gets the first answer instead of a 409 or a duplicate.
CREATE TABLE idempotency_keys_by_school (
  school_code TEXT NOT NULL REFERENCES schools (code),
  key TEXT NOT NULL,
  -- The token that made the first request (who, for the record); not part of the key.
  token_id TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  status INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (school_code, key)
);
-- Two tokens of one school that used the same key: the first use wins, as it would have live.
INSERT OR IGNORE INTO idempotency_keys_by_school (school_code, key, token_id, request_hash, submission_id, status, created_at)
  SELECT s.school_code, k.key, k.token_id, k.request_hash, k.submission_id, k.status, k.created_at
    FROM idempotency_keys k JOIN submissions s ON s.id = k.submission_id
   ORDER BY k.created_at, k.rowid;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_by_school RENAME TO idempotency_keys;
