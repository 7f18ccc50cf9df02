#include "log/schema.hpp"

#include "log/logged_set.hpp"
#include "log/store.hpp"

#include <fmt/format.h>

#include <string>

namespace lbtrain::log {

namespace {

// Version 1: the set log. An entry is what one `lbtrain log` or one import added, so that
// `lbtrain log undo` can take it back whole. A set's natural key is its date, its session (""
// for typed sets; an import's workout, such as "strong 17:30:00"), the exercise's name as typed
// or imported and its number: importing the same file twice adds nothing. The CHECKs hold the
// limits of log/logged_set.hpp; they compare with = and BETWEEN rather than IN (...), for which
// SQLite builds a table at every insert (a third of an import's time).
constexpr std::string_view version_1 = R"sql(
CREATE TABLE entries (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind = 'typed' OR kind = 'import'),
  summary    TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sets (
  id           INTEGER PRIMARY KEY,
  entry_id     INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  date         TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  session      TEXT NOT NULL DEFAULT '',
  exercise_id  TEXT NOT NULL CHECK (exercise_id <> ''),
  exercise     TEXT NOT NULL CHECK (exercise <> ''),
  set_number   INTEGER NOT NULL CHECK (set_number BETWEEN 1 AND 10000),
  reps         INTEGER CHECK (reps BETWEEN 1 AND 100),
  seconds      INTEGER CHECK (seconds BETWEEN 1 AND 3600),
  breaths      INTEGER CHECK (breaths BETWEEN 1 AND 100),
  load         REAL CHECK (load > 0 AND load <= CASE unit WHEN 'kg' THEN 1000 ELSE 2204.63 END),
  unit         TEXT CHECK (unit = 'kg' OR unit = 'lb'),
  rir          REAL CHECK (rir BETWEEN 0 AND 10),
  per_side     INTEGER NOT NULL DEFAULT 0 CHECK (per_side BETWEEN 0 AND 1),
  warmup       INTEGER NOT NULL DEFAULT 0 CHECK (warmup BETWEEN 0 AND 1),
  note         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL CHECK (source = 'typed' OR source = 'import' OR source = 'program'),
  source_file  TEXT,
  program_week INTEGER CHECK (program_week BETWEEN 1 AND 52),
  program_day  INTEGER CHECK (program_day BETWEEN 1 AND 7),
  CHECK ((reps IS NOT NULL) + (seconds IS NOT NULL) + (breaths IS NOT NULL) = 1),
  CHECK ((load IS NULL) = (unit IS NULL)),
  CHECK ((source = 'import') = (source_file IS NOT NULL)),
  CHECK ((source = 'program') = (program_week IS NOT NULL AND program_day IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX sets_natural_key ON sets (date, session, exercise, set_number);
)sql";

// Version 2: saved programs. `lbtrain start` keeps the options of a plan (as JSON, the request
// before it is resolved against the data) and the day it starts; one program is current, and a
// new one marks the old one as no longer current rather than deleting it.
constexpr std::string_view version_2 = R"sql(
CREATE TABLE programs (
  id         INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  start      TEXT NOT NULL CHECK (start GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  request    TEXT NOT NULL CHECK (json_valid(request)),
  current    INTEGER NOT NULL DEFAULT 1 CHECK (current BETWEEN 0 AND 1)
) STRICT;

CREATE UNIQUE INDEX programs_current ON programs (current) WHERE current = 1;
)sql";

// Version 3: a set's identity is what makes it the same set: its day, session, exercise name and
// number, and what was done (the count of its kind, the load and unit). Two logs that each have
// a different "set 1" of one exercise on one day keep both when merged (export, then import);
// importing the same file twice still adds nothing. NULLs are distinct in a unique index, so the
// columns that may be NULL are compared through ifnull.
constexpr std::string_view version_3 = R"sql(
DROP INDEX sets_natural_key;
CREATE UNIQUE INDEX sets_identity ON sets (date, session, exercise, set_number, ifnull(reps, -1),
  ifnull(seconds, -1), ifnull(breaths, -1), ifnull(load, 0), ifnull(unit, ''));
)sql";


// Version 4: the limits of a set are what a human can do (log/logged_set.hpp: 1000 reps or
// breaths, 3 hours, 1000 kg or 2205 lb), the numbers written here from those constants so that
// `log`, import and the database cannot disagree. SQLite cannot change a CHECK in place: the
// table is made again, its rows copied as they are (every old row is within the new limits), and
// version 3's identity index made again on it.
const std::string& version_4() {
  static const std::string sql = fmt::format(R"sql(
CREATE TABLE sets_v4 (
  id           INTEGER PRIMARY KEY,
  entry_id     INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  date         TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  session      TEXT NOT NULL DEFAULT '',
  exercise_id  TEXT NOT NULL CHECK (exercise_id <> ''),
  exercise     TEXT NOT NULL CHECK (exercise <> ''),
  set_number   INTEGER NOT NULL CHECK (set_number BETWEEN 1 AND 10000),
  {},
  unit         TEXT CHECK (unit = 'kg' OR unit = 'lb'),
  rir          REAL CHECK (rir BETWEEN 0 AND 10),
  per_side     INTEGER NOT NULL DEFAULT 0 CHECK (per_side BETWEEN 0 AND 1),
  warmup       INTEGER NOT NULL DEFAULT 0 CHECK (warmup BETWEEN 0 AND 1),
  note         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL CHECK (source = 'typed' OR source = 'import' OR source = 'program'),
  source_file  TEXT,
  program_week INTEGER CHECK (program_week BETWEEN 1 AND 52),
  program_day  INTEGER CHECK (program_day BETWEEN 1 AND 7),
  CHECK ((reps IS NOT NULL) + (seconds IS NOT NULL) + (breaths IS NOT NULL) = 1),
  CHECK ((load IS NULL) = (unit IS NULL)),
  CHECK ((source = 'import') = (source_file IS NOT NULL)),
  CHECK ((source = 'program') = (program_week IS NOT NULL AND program_day IS NOT NULL))
) STRICT;

INSERT INTO sets_v4 SELECT * FROM sets;
DROP TABLE sets;
ALTER TABLE sets_v4 RENAME TO sets;
CREATE UNIQUE INDEX sets_identity ON sets (date, session, exercise, set_number, ifnull(reps, -1),
  ifnull(seconds, -1), ifnull(breaths, -1), ifnull(load, 0), ifnull(unit, ''));
)sql",
                                             sets_limits_sql());
  return sql;
}

// Version 5: back pain. A set keeps the worst back pain (0 to 10) felt during its exercise's sets
// when the lifter logged it (`pain 6`); NULL when not. A day's marks are what is not a set: how
// the back is the morning after a session (a pain number), a warning sign logged (pain down a
// leg, numbness, ...), and that a doctor or physical therapist has cleared the back to train. Each
// belongs to an entry, so `lbtrain log undo` takes it back.
constexpr std::string_view version_5 = R"sql(
ALTER TABLE sets ADD COLUMN pain INTEGER CHECK (pain BETWEEN 0 AND 10);

CREATE TABLE marks (
  id       INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  date     TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind     TEXT NOT NULL CHECK (kind = 'morning' OR kind = 'flag' OR kind = 'cleared'),
  pain     INTEGER CHECK (pain BETWEEN 0 AND 10),
  sign     TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'morning') = (pain IS NOT NULL)),
  CHECK ((kind = 'flag') = (sign <> ''))
) STRICT;
)sql";

// Version 6: a workout's own note (Strong's "Workout Notes", Hevy's "description"), kept on its
// session (date and session, as its sets have them) rather than copied onto every set. It belongs
// to the import's entry, so `lbtrain log undo` takes it back; the same note of the same session
// is kept once, so importing a file again adds nothing.
const std::string& version_6() {
  static const std::string sql = fmt::format(R"sql(
CREATE TABLE session_notes (
  id       INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  date     TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  session  TEXT NOT NULL,
  note     TEXT NOT NULL CHECK (note <> '' AND length(note) <= {})
) STRICT;

CREATE UNIQUE INDEX session_notes_identity ON session_notes (date, session, note);
)sql",
                                             max_note_chars);
  return sql;
}

}  // namespace

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> list{version_1, version_2, version_3, version_4(), version_5, version_6()};
  return list;
}

int schema_version() { return static_cast<int>(migrations().size()); }

}  // namespace lbtrain::log
