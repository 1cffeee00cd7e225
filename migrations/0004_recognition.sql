-- The bureau's training catalogue per year and the recognition of hours (archive.md §2). A record
-- of 区级 or higher is matched against the catalogue of the year its endDate is in; its status is
-- stored with it in trainings, and the reviewer's queue decisions settle a whole group of records
-- (course, level and dates) for every school.

CREATE TABLE catalogue_entries (
  bureau_id TEXT NOT NULL REFERENCES bureaus (id),
  year INTEGER NOT NULL,
  -- 项目编号 as written, and the form it is compared in (NFKC, no spaces, upper case): unique per year.
  code TEXT NOT NULL,
  code_key TEXT NOT NULL,
  course TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('国家级', '省级', '市级', '区级')),
  category TEXT NOT NULL,
  form TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  hours REAL NOT NULL CHECK (hours > 0),
  organizer TEXT,
  -- Rows of its attendee list (catalogue_attendees); 0 = the entry has no list.
  attendees INTEGER NOT NULL DEFAULT 0,
  -- How the entry came: a workbook import, an edit, or a queue decision "add to the catalogue".
  source TEXT NOT NULL CHECK (source IN ('import', 'edit', 'queue')),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (bureau_id, year, code_key)
);

-- An entry's attendee list: the keyed hash of each ID (the same HMAC as teachers.id_hmac), nothing else.
CREATE TABLE catalogue_attendees (
  bureau_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  code_key TEXT NOT NULL,
  id_hmac TEXT NOT NULL,
  PRIMARY KEY (bureau_id, year, code_key, id_hmac),
  FOREIGN KEY (bureau_id, year, code_key) REFERENCES catalogue_entries (bureau_id, year, code_key)
);
CREATE INDEX catalogue_attendees_by_hmac ON catalogue_attendees (bureau_id, id_hmac);

-- One decision per queue group: link it to an entry (also what "add to the catalogue" leaves) or
-- reject it with the reason the clerks are shown.
CREATE TABLE recognition_decisions (
  bureau_id TEXT NOT NULL REFERENCES bureaus (id),
  year INTEGER NOT NULL,
  group_key TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('link', 'reject')),
  code_key TEXT,
  reason TEXT,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (bureau_id, year, group_key),
  CHECK ((action = 'link' AND code_key IS NOT NULL) OR (action = 'reject' AND reason IS NOT NULL))
);

-- Each record's 项目编号 and recognition: status (NULL = none: below 区级, or a year without a
-- catalogue), the whole recognition as evaluated (JSON), and its queue group.
ALTER TABLE trainings ADD COLUMN catalogue_code TEXT;
ALTER TABLE trainings ADD COLUMN recognition TEXT
  CHECK (recognition IS NULL OR recognition IN ('recognized', 'hours_exceed', 'not_on_list', 'unmatched'));
ALTER TABLE trainings ADD COLUMN recognition_json TEXT;
ALTER TABLE trainings ADD COLUMN group_key TEXT;
CREATE INDEX trainings_awaiting_recognition ON trainings (group_key) WHERE recognition IN ('unmatched', 'not_on_list');
