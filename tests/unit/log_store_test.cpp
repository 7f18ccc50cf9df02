// The training log's database, on real SQLite files: created 0600 in 0700 directories, migrated
// from every earlier schema version, refused (and left as it was) when it is not a log lbtrain
// can use, with the limits held by the database too and a natural key.

#include "support/helpers.hpp"
#include "support/errors.hpp"
#include "support/files.hpp"

#include "log/logged_set.hpp"
#include "log/schema.hpp"
#include "log/store.hpp"

#include "lbtrain/model/error.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <sys/stat.h>

using namespace lbtrain;
using namespace lbtrain::log;
using test::mode_of;
using test::snapshot;

namespace {

/// The data Error's message that opening `path` throws.
std::string refusal(const std::string& path, Store::Access access) {
  return test::error_of([&] { Store::open(path, access); });
}

LoggedSet sample_set(int number = 1) {
  LoggedSet s;
  s.date = "2026-11-20";
  s.exercise_id = "romanian-deadlift";
  s.exercise = "Romanian deadlift (barbell)";
  s.set_number = number;
  s.count = 8;
  s.load = 60;
  s.rir = 2;
  return s;
}

/// Rows each earlier schema version can hold, inserted before migrating from it: every version
/// below the current one needs an entry, so a new migration comes with a test of what it keeps.
const std::map<int, std::vector<std::string>> fixtures{
    {0, {}},
    // A version-1 log with sets in it: the programs table arrives empty beside them.
    {1,
     {"INSERT INTO entries (id, kind, summary, created_at) VALUES (1, 'typed', 'back extension', '2026-11-20T10:00:00')",
      "INSERT INTO sets (entry_id, date, exercise_id, exercise, set_number, reps, load, unit, source) VALUES "
      "(1, '2026-11-20', 'back-extension', 'Back extension', 1, 12, 20, 'kg', 'typed')",
      "INSERT INTO sets (entry_id, date, exercise_id, exercise, set_number, reps, load, unit, source) VALUES "
      "(1, '2026-11-20', 'back-extension', 'Back extension', 2, 12, 20, 'kg', 'typed')"}},
    // A version-2 log with sets (one timed, no load) and a program: the sets' identity changes
    // index, every row is kept.
    {2,
     {"INSERT INTO entries (id, kind, summary, created_at) VALUES (1, 'typed', 'back extension', '2026-11-20T10:00:00')",
      "INSERT INTO sets (entry_id, date, exercise_id, exercise, set_number, reps, load, unit, source) VALUES "
      "(1, '2026-11-20', 'back-extension', 'Back extension', 1, 12, 20, 'kg', 'typed')",
      "INSERT INTO sets (entry_id, date, exercise_id, exercise, set_number, seconds, source) VALUES "
      "(1, '2026-11-20', 'side-plank', 'Side plank', 1, 30, 'typed')",
      "INSERT INTO programs (created_at, start, request) VALUES ('2026-11-20T10:00:00', '2026-11-23', '{}')"}},
    // A version-3 log at its old limits (100 reps, 3600 s, 2204.62 lb) and a current program:
    // version 4 copies the sets into a table with the wider limits.
    {3,
     {"INSERT INTO entries (id, kind, summary, created_at) VALUES (1, 'import', 'import', '2026-11-20T10:00:00')",
      "INSERT INTO sets (entry_id, date, session, exercise_id, exercise, set_number, reps, load, unit, source, "
      "source_file) VALUES (1, '2026-11-20', 'strong 10:00', 'back-extension', 'Back Extension', 1, 100, 2204.62, "
      "'lb', 'import', 'strong.csv')",
      "INSERT INTO sets (entry_id, date, exercise_id, exercise, set_number, seconds, source) VALUES "
      "(1, '2026-11-20', 'plank', 'Plank', 1, 3600, 'typed')",
      "INSERT INTO programs (created_at, start, request) VALUES ('2026-11-20T10:00:00', '2026-11-21', '{}')"}},
    // A version-4 log (the release before pain): version 5 adds the pain column (NULL on every
    // old set) and the marks table.
    {4,
     {"INSERT INTO entries (id, kind, summary, created_at) VALUES (1, 'typed', 'squat', '2026-11-20T10:00:00')",
      "INSERT INTO sets (entry_id, date, exercise_id, exercise, set_number, reps, load, unit, rir, source, "
      "program_week, program_day) VALUES (1, '2026-11-20', 'back-squat', 'Back squat', 1, 8, 50, 'kg', 2, 'program', "
      "1, 1)",
      "INSERT INTO sets (entry_id, date, exercise_id, exercise, set_number, reps, source) VALUES "
      "(1, '2026-11-20', 'air-squat', 'Air squat', 1, 15, 'typed')",
      "INSERT INTO programs (created_at, start, request) VALUES ('2026-11-20T10:00:00', '2026-11-16', '{}')"}},
    // A version-5 log with pain and a morning mark: version 6 adds the session_notes table
    // (empty) beside them.
    {5,
     {"INSERT INTO entries (id, kind, summary, created_at) VALUES (1, 'typed', 'squat', '2026-11-20T10:00:00')",
      "INSERT INTO sets (entry_id, date, exercise_id, exercise, set_number, reps, load, unit, source, pain) VALUES "
      "(1, '2026-11-20', 'back-squat', 'Back squat', 1, 8, 50, 'kg', 'typed', 3)",
      "INSERT INTO marks (entry_id, date, kind, pain) VALUES (1, '2026-11-21', 'morning', 2)"}},
};

}  // namespace

TEST_CASE("a new log: directories 0700, the file 0600, WAL, the current schema", "[log][store]") {
  std::string dir = test::temp_dir();
  std::string path = dir + "/a/b/lbtrain.db";
  {
    Store store = Store::open(path, Store::Access::write);
    CHECK(database(store).execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(database(store).execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(database(store).execAndGet("PRAGMA busy_timeout").getInt() == busy_timeout_ms);
    CHECK(database(store).execAndGet("PRAGMA user_version").getInt() == schema_version());
    CHECK(database(store).execAndGet("PRAGMA application_id").getInt() == application_id);
  }
  CHECK(mode_of(dir + "/a") == 0700);
  CHECK(mode_of(dir + "/a/b") == 0700);
  CHECK(mode_of(path) == 0600);
  CHECK(mode_of(dir) == 0700);  // mkdtemp's; an existing directory is left as it is
  // Reading a log that does not exist creates nothing.
  std::string missing = dir + "/none/lbtrain.db";
  CHECK_FALSE(Store::open(missing, Store::Access::read).exists());
  CHECK_FALSE(std::filesystem::exists(dir + "/none"));
  // An empty file (from mktemp, say) becomes a log.
  test::write_file(dir + "/empty.db", "");
  CHECK(Store::open(dir + "/empty.db", Store::Access::write).exists());
}

TEST_CASE("every earlier schema version migrates to the current one, keeping its rows", "[log][store]") {
  for (int version = 0; version < schema_version(); ++version) {
    INFO("from version " << version);
    REQUIRE(fixtures.count(version) == 1);
    std::string path = test::temp_dir() + "/old.db";
    std::size_t rows = 0;
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      for (int v = 0; v < version; ++v) db.exec(std::string(migrations()[static_cast<std::size_t>(v)]));
      db.exec("PRAGMA user_version = " + std::to_string(version));
      if (version > 0) db.exec("PRAGMA application_id = " + std::to_string(application_id));
      for (const auto& sql : fixtures.at(version)) {
        int changed = db.exec(sql);
        if (sql.find("INTO sets") != std::string::npos) rows += static_cast<std::size_t>(changed);
      }
    }
    Store store = Store::open(path, Store::Access::write);
    CHECK(database(store).execAndGet("PRAGMA user_version").getInt() == schema_version());
    CHECK(database(store).execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(database(store).execAndGet("SELECT count(*) FROM sets").getInt64() == static_cast<std::int64_t>(rows));
    // The migrated log takes new sets.
    store.write([&] { CHECK(SetInserter(store).insert(sample_set(), store.add_entry("typed", "test"))); });
  }
}

TEST_CASE("a version-4 log migrates to version 5: old sets have no pain, new ones keep theirs", "[log][store][pain]") {
  std::string path = test::temp_dir() + "/v4.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int v = 0; v < 4; ++v) db.exec(std::string(migrations()[static_cast<std::size_t>(v)]));
    db.exec("PRAGMA user_version = 4");
    db.exec("PRAGMA application_id = " + std::to_string(application_id));
    for (const auto& sql : fixtures.at(4)) db.exec(sql);
  }
  Store store = Store::open(path, Store::Access::write);
  REQUIRE(database(store).execAndGet("PRAGMA user_version").getInt() == schema_version());
  SQLite::Statement rows(database(store), std::string("SELECT ") + set_columns + " FROM sets ORDER BY id");
  int count = 0;
  while (rows.executeStep()) {
    LoggedSet set = read_set(rows);
    CHECK_FALSE(set.pain.has_value());
    ++count;
  }
  CHECK(count == 2);
  LoggedSet painful = sample_set();
  painful.pain = 6;
  store.write([&] { CHECK(SetInserter(store).insert(painful, store.add_entry("typed", "pain"))); });
  SQLite::Statement last(database(store), std::string("SELECT ") + set_columns + " FROM sets ORDER BY id DESC LIMIT 1");
  REQUIRE(last.executeStep());
  CHECK(read_set(last).pain == 6);
  // The database holds the limit too: pain 11 is refused.
  CHECK_THROWS(database(store).exec("UPDATE sets SET pain = 11"));
  CHECK(database(store).execAndGet("SELECT count(*) FROM marks").getInt() == 0);
}

TEST_CASE("a log lbtrain cannot use is refused and left as it was", "[log][store]") {
  std::string dir = test::temp_dir();
  SECTION("a directory") {
    CHECK_THAT(refusal(dir, Store::Access::write), Catch::Contains("is a directory, not a training log"));
    CHECK_THAT(refusal(dir, Store::Access::read), Catch::Contains("is a directory"));
  }
  SECTION("not SQLite") {
    std::string path = dir + "/notes.txt";
    test::write_file(path, "my training notes, not a database\n");
    auto before = snapshot(path);
    CHECK_THAT(refusal(path, Store::Access::write), Catch::Contains("is not an SQLite database"));
    CHECK_THAT(refusal(path, Store::Access::read), Catch::Contains("is not an SQLite database"));
    CHECK(snapshot(path) == before);
  }
  SECTION("another program's SQLite database") {
    std::string path = dir + "/other.db";
    { SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE).exec("CREATE TABLE things (x)"); }
    auto before = snapshot(path);
    CHECK_THAT(refusal(path, Store::Access::write), Catch::Contains("an SQLite database of another program"));
    CHECK(snapshot(path) == before);
  }
  SECTION("a newer schema") {
    std::string path = dir + "/newer.db";
    { Store::open(path, Store::Access::write); }
    { SQLite::Database(path, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = " + std::to_string(schema_version() + 1)); }
    auto before = snapshot(path);
    CHECK_THAT(refusal(path, Store::Access::write),
               Catch::Contains("was written by a newer lbtrain (log schema version " + std::to_string(schema_version() + 1)));
    CHECK_THAT(refusal(path, Store::Access::read), Catch::Contains("newer lbtrain"));
    CHECK(snapshot(path) == before);
  }
  SECTION("read-only") {
    std::string path = dir + "/read-only.db";
    { Store store = Store::open(path, Store::Access::write); }
    REQUIRE(::chmod(path.c_str(), 0444) == 0);
    auto before = snapshot(path);
    CHECK_THAT(refusal(path, Store::Access::write), Catch::Contains("is read-only"));
    CHECK(snapshot(path) == before);
    CHECK(mode_of(path) == 0444);
    // Reading a read-only log is fine.
    CHECK(Store::open(path, Store::Access::read).exists());
    CHECK(snapshot(path) == before);
  }
}

TEST_CASE("the database holds the limits too, and the natural key", "[log][store]") {
  std::string path = test::temp_dir() + "/limits.db";
  Store store = Store::open(path, Store::Access::write);
  std::int64_t entry = 0;
  store.write([&] { entry = store.add_entry("typed", "test"); });
  SetInserter inserter(store);
  CHECK(inserter.insert(sample_set(1), entry));
  CHECK_FALSE(inserter.insert(sample_set(1), entry));  // the same date, session, name and number
  LoggedSet other_session = sample_set(1);
  other_session.session = "strong 07:00:00";
  CHECK(inserter.insert(other_session, entry));
  auto rejected = [&](const std::string& assignments) {
    SQLite::Statement copy(database(store), "INSERT INTO sets (entry_id, date, session, exercise_id, exercise, set_number, reps, "
                                       "seconds, breaths, load, unit, rir, per_side, warmup, note, source) "
                                       "SELECT entry_id, date, 'x', exercise_id, exercise, 99, reps, seconds, breaths, load, "
                                       "unit, rir, per_side, warmup, note, source FROM sets LIMIT 1");
    copy.exec();
    try {
      database(store).exec("UPDATE sets SET " + assignments + " WHERE set_number = 99");
    } catch (const SQLite::Exception& e) {
      database(store).exec("DELETE FROM sets WHERE set_number = 99");
      return std::string(e.what()).find("CHECK constraint failed") != std::string::npos;
    }
    database(store).exec("DELETE FROM sets WHERE set_number = 99");
    return false;
  };
  // The limits of log/logged_set.hpp, the same numbers `log` and import use.
  CHECK_FALSE(rejected("reps = 1000"));
  CHECK(rejected("reps = 1001"));
  CHECK(rejected("reps = 0"));
  CHECK(rejected("reps = NULL, seconds = 10801"));
  CHECK_FALSE(rejected("reps = NULL, seconds = 10800"));
  CHECK_FALSE(rejected("reps = NULL, breaths = 1000"));
  CHECK(rejected("reps = NULL, breaths = 1001"));
  CHECK(rejected("seconds = 30"));  // two counts
  CHECK(rejected("reps = NULL"));   // none
  CHECK(rejected("load = 1000.5"));
  CHECK_FALSE(rejected("load = 1000"));
  CHECK_FALSE(rejected("load = 2205, unit = 'lb'"));
  CHECK(rejected("load = 2205.5, unit = 'lb'"));
  CHECK(rejected("unit = NULL"));  // a load without its unit
  CHECK(rejected("unit = 'stone'"));
  CHECK(rejected("rir = 10.5"));
  CHECK(rejected("date = '20-11-2026'"));
  CHECK(rejected("source = 'import'"));  // an import names its file
  CHECK(rejected("warmup = 2"));
  CHECK(database(store).execAndGet("PRAGMA integrity_check").getString() == "ok");
}
