-- Shixun's model. A school's roster for a year is a list of versions (submissions); the bureau sees
-- the one current_submissions points at, and that pointer moves only after a whole new version is
-- stored. Resident ID numbers are never stored in plain text: id_hmac (keyed hash, to match a
-- teacher across versions and schools), id_masked (display) and id_enc (AES-GCM, audited export).

CREATE TABLE bureaus (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE schools (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  rural INTEGER NOT NULL CHECK (rural IN (0, 1)),
  bureau_id TEXT NOT NULL REFERENCES bureaus (id),
  created_at TEXT NOT NULL
);
CREATE INDEX schools_by_bureau ON schools (bureau_id, code);

CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'reviewer', 'admin')),
  school_code TEXT REFERENCES schools (code),
  bureau_id TEXT REFERENCES bureaus (id),
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  CHECK (
    (role = 'clerk' AND school_code IS NOT NULL AND bureau_id IS NULL)
    OR (role = 'reviewer' AND bureau_id IS NOT NULL AND school_code IS NULL)
    OR (role = 'admin' AND school_code IS NULL AND bureau_id IS NULL)
  )
);

-- A bureau's policy file and deadline for a year; no row = the default policy, deadline 31 Dec.
CREATE TABLE policies (
  bureau_id TEXT NOT NULL REFERENCES bureaus (id),
  year INTEGER NOT NULL,
  json TEXT,
  deadline TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (bureau_id, year)
);

CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  school_code TEXT NOT NULL REFERENCES schools (code),
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('staging', 'stored', 'approved', 'returned')),
  token_id TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  teachers INTEGER NOT NULL,
  trainings INTEGER NOT NULL,
  duties INTEGER NOT NULL,
  milestones INTEGER NOT NULL,
  pass INTEGER NOT NULL,
  warn INTEGER NOT NULL,
  fail INTEGER NOT NULL,
  pass_rate REAL NOT NULL,
  policy_id TEXT NOT NULL,
  as_of TEXT NOT NULL,
  -- 学校概况 as submitted, and the compliance report without its teachers (JSON).
  school_json TEXT NOT NULL,
  report_json TEXT NOT NULL,
  -- Aggregates computed at write time so the bureau summary is one query (JSON: by rule, tiers).
  stats_json TEXT NOT NULL,
  review_comment TEXT,
  reviewed_by TEXT,
  reviewed_at TEXT
);
CREATE INDEX submissions_by_school_year ON submissions (school_code, year, version);
CREATE INDEX submissions_staging_by_key ON submissions (token_id, idempotency_key) WHERE status = 'staging';

CREATE TABLE current_submissions (
  school_code TEXT NOT NULL REFERENCES schools (code),
  year INTEGER NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  version INTEGER NOT NULL,
  PRIMARY KEY (school_code, year)
);
CREATE INDEX current_by_year ON current_submissions (year, school_code);

CREATE TABLE teachers (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  row INTEGER NOT NULL,
  id_hmac TEXT NOT NULL,
  id_masked TEXT NOT NULL,
  id_enc TEXT NOT NULL,
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  birth_date TEXT,
  stage TEXT NOT NULL,
  subject TEXT NOT NULL,
  title TEXT NOT NULL,
  education TEXT NOT NULL,
  start_date TEXT NOT NULL,
  post TEXT NOT NULL,
  post_start_date TEXT,
  backbone TEXT NOT NULL,
  backbone_level TEXT,
  studio_role TEXT NOT NULL,
  transferred INTEGER NOT NULL,
  status TEXT NOT NULL,
  -- ',rule_a,rule_b,' (warn or fail), so a LIKE '%,rule,%' filter needs no join.
  unmet TEXT NOT NULL,
  hours REAL NOT NULL,
  -- The teacher's entry of the compliance report, exactly as evaluated (masked ID only).
  compliance_json TEXT NOT NULL,
  PRIMARY KEY (submission_id, row)
);
CREATE INDEX teachers_by_hmac ON teachers (id_hmac);

CREATE TABLE trainings (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  row INTEGER NOT NULL,
  id_hmac TEXT NOT NULL,
  course TEXT NOT NULL,
  level TEXT NOT NULL,
  category TEXT NOT NULL,
  form TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  hours REAL NOT NULL,
  organizer TEXT,
  certificate TEXT,
  PRIMARY KEY (submission_id, row)
);

CREATE TABLE duties (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  row INTEGER NOT NULL,
  id_hmac TEXT NOT NULL,
  semester TEXT NOT NULL,
  demo_lessons_home INTEGER NOT NULL,
  demo_lessons_guided INTEGER NOT NULL,
  observed_lessons INTEGER NOT NULL,
  group_preps INTEGER NOT NULL,
  lectures INTEGER NOT NULL,
  project_led TEXT,
  small_projects INTEGER NOT NULL,
  PRIMARY KEY (submission_id, row)
);

CREATE TABLE milestones (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  row INTEGER NOT NULL,
  id_hmac TEXT NOT NULL,
  milestone TEXT NOT NULL,
  result TEXT NOT NULL,
  date TEXT NOT NULL,
  PRIMARY KEY (submission_id, row)
);

-- A retry with the same (token, key) answers the first response instead of storing twice.
CREATE TABLE idempotency_keys (
  token_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  status INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (token_id, key)
);

-- Who did what that matters (full exports, reviews, token changes); never an ID number.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  token_id TEXT,
  action TEXT NOT NULL,
  details TEXT NOT NULL
);
