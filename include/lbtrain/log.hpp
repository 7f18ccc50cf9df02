#pragma once
/// The training log: sets typed with `lbtrain log`, imported from Strong, Hevy or FitNotes (or
/// from lbtrain's own export), kept in one SQLite database; and what `lbtrain history` and
/// `lbtrain log export` show of it. The command-line layer fills the option structs and calls
/// these; each returns the text to print and throws an Error (usage, data or output) otherwise.

#include "lbtrain/model/calendar.hpp"
#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/environment.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lbtrain {

/// The unit of a load.
enum class LoadUnit { kg, lb };

/// "kg" or "lb".
std::string_view to_string(LoadUnit unit);

/// Parses "kg" or "lb" (also "kgs", "lbs", any case); nullopt otherwise.
std::optional<LoadUnit> parse_load_unit(std::string_view text);

/// Where a set came from.
struct SetSource {
  enum class Kind { typed, import, program };
  Kind kind = Kind::typed;
  std::string file;  ///< import: the file's name
  int week = 0;      ///< program: the plan's week and day
  int day = 0;
};

/// One set of the log.
struct LoggedSet {
  std::string date;         ///< YYYY-MM-DD
  std::string session;      ///< "" when typed; an import's workout: "strong 17:30:00", "fitnotes"
  std::string exercise_id;  ///< a catalogue id, or "custom:..." for an imported name not mapped
  std::string exercise;     ///< the name as typed (the catalogue's) or as the app called it
  int set_number = 1;
  DoseKind kind = DoseKind::reps;
  int count = 0;               ///< reps, seconds or breaths
  std::optional<double> load;  ///< none: bodyweight
  LoadUnit unit = LoadUnit::kg;
  std::optional<double> rir;  ///< reps in reserve, when logged
  std::optional<int> pain;    ///< the worst back pain during the exercise's sets, 0 to 10, when logged
  bool per_side = false;
  bool warmup = false;
  std::string note;
  SetSource source;
};

/// $XDG_DATA_HOME/lbtrain/lbtrain.db, or ~/.local/share/lbtrain/lbtrain.db when XDG_DATA_HOME
/// is unset; "" when HOME is unset too (the command line refuses it when a log is used).
std::string default_log_path(const Environment& env);

/// `lbtrain log EXERCISE PERFORMANCE...`.
struct LogEntryOptions {
  std::string db;
  std::vector<std::string> words;  ///< the exercise, then the notation ("3x12@20kg", "rir4")
  std::string date;                ///< YYYY-MM-DD; "" is today
  LoadUnit unit = LoadUnit::kg;    ///< for a load given without a unit
  std::string note;
  std::optional<int> week;  ///< logged against a program week and day (both or neither)
  std::optional<int> day;
  std::vector<std::string> catalogues;  ///< --catalog; none: the built-in catalogue
};

/// What `lbtrain log` says: the line of what was recorded, and warnings for standard error (the
/// same sets logged that day already).
struct LogEntryResult {
  std::string text;
  std::vector<std::string> warnings;
};

/// Records one entry in one transaction and returns the line that says what was recorded. A bad
/// exercise, token, number or date is a usage Error naming it; nothing is written then.
LogEntryResult log_entry(const LogEntryOptions& options);

/// The sets `options` describe (the exercise found, the notation read, the date resolved), not
/// written; a usage Error as log_entry's.
std::vector<LoggedSet> typed_sets(const LogEntryOptions& options);

/// `lbtrain done`: a session's sets as one entry, each exercise's sets numbered after what that
/// exercise has that day. Returns the entry's id.
std::int64_t log_session_entry(const std::string& db, const std::string& summary,
                               std::vector<std::vector<LoggedSet>> exercises);

/// The ids of the entries that have a set on `date` (YYYY-MM-DD), newest first.
std::vector<std::string> entries_on_date(const std::string& db, const std::string& date);

/// `lbtrain log undo`: removes the last entry (typed or imported) and says what it removed.
std::string undo_last_entry(const std::string& db);

/// `lbtrain log undo ID`: removes that entry and says what it removed; a usage Error when the log
/// has no such entry.
std::string undo_entry(const std::string& db, std::int64_t id);

/// `lbtrain log entries`: the newest `limit` entries (0: all) as text (id, dates, sets, what) or
/// "json".
std::string list_entries(const std::string& db, int limit, const std::string& format);

/// `lbtrain log import FILE`.
struct ImportOptions {
  std::string db;
  std::string file;
  std::string from = "auto";        ///< auto, strong, hevy, fitnotes or lbtrain
  std::optional<LoadUnit> unit;     ///< for files that do not say (Strong's current export)
  bool strict = false;              ///< a row that cannot be imported refuses the whole file
};

/// What an import says: the report for standard output, and a warning for each row skipped
/// because it breaks a limit or cannot be read as a set.
struct ImportResult {
  std::string report;
  std::vector<std::string> warnings;
};

/// Imports a file in one transaction and returns the report: sets added, already in the log,
/// skipped (rest timers, notes, cardio, empty sets, rows that cannot be imported), and every
/// name not mapped to the catalogue with its count. With `strict`, a row that cannot be imported
/// is a data Error listing every such row, and nothing is imported.
ImportResult import_log(const ImportOptions& options);

/// The names `import --from` takes: auto, strong, hevy, fitnotes, lbtrain.
const std::vector<std::string>& import_format_names();

/// `lbtrain log export`: every set, "csv" (RFC 4180, formula-guarded) or "json".
std::string export_log(const std::string& db, const std::string& format, bool compact);

/// `lbtrain log backup FILE`: a consistent copy of the log (with what its -wal holds) as one
/// file, through SQLite's online backup API; what it did, for standard output.
std::string backup_log(const std::string& db, const std::string& file);

/// `lbtrain history [EXERCISE]`.
struct HistoryOptions {
  std::string db;
  std::string exercise;        ///< "" for every session
  std::string format = "text"; ///< text, json or csv
  int limit = 10;              ///< sessions shown, newest first; 0 for all
  /// Estimated 1RMs and trends are given in `unit` (--unit), else in the unit most of the log's
  /// loads were logged in, else (no loads, or as many in each) in `default_unit` (the setting).
  std::optional<LoadUnit> unit;
  LoadUnit default_unit = LoadUnit::kg;
  bool compact = false;
};

/// The history as text (80 columns), JSON or CSV.
std::string history(const HistoryOptions& options);

}  // namespace lbtrain

namespace SQLite {
class Database;
}

namespace lbtrain::log {

/// The log's database as the layers above the log see it: opened, written in transactions,
/// asked through the functions the log offers (log/programs.hpp, history, entries); the SQLite
/// connection itself stays inside src/log/ (log/store.hpp), and so does every SQL statement.
/// Opened with every check done before anything is written (a directory, not SQLite, another
/// program's database, read-only, a newer schema: a data Error, the file left as it was),
/// created 0600 in 0700 directories, migrated to the current schema, in WAL mode with a busy
/// timeout and foreign keys on.
class Store {
 public:
  enum class Access { read, write };

  /// Opens the log at `path`. For writing, a missing file is created (0600, with any missing
  /// directories 0700) and an older schema migrated. For reading, a missing file is an empty
  /// log (exists() is false) and nothing is created. Throws a data Error naming the file.
  static Store open(const std::string& path, Access access);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// False when reading a log that does not exist yet.
  bool exists() const { return db_ != nullptr; }
  const std::string& path() const { return path_; }

  /// Runs `body` in one write transaction (BEGIN IMMEDIATE): committed when it returns, rolled
  /// back when it throws.
  void write(const std::function<void()>& body);

  /// Adds an entry ("typed" or "import") and returns its id.
  std::int64_t add_entry(std::string_view kind, const std::string& summary);

 private:
  friend SQLite::Database& database(Store& store);
  Store() = default;
  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
};

/// Runs `body`, turning SQLite's exceptions into data Errors naming the log.
void with_database_errors(const std::string& path, const std::function<void()>& body);

}  // namespace lbtrain::log
