#pragma once
// The log's SQLite side, for src/log/ alone: the connection of a Store (lbtrain/log.hpp), the
// limits the schema's CHECKs hold, the set rows read and written. Writes happen in one
// transaction each.

#include "lbtrain/log.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace lbtrain::log {

/// The highest set number of an exercise in one session, as the database's CHECK holds it.
inline constexpr int max_set_number = 10000;

/// The longest exercise name and note a set keeps, in characters (code points): an exercise
/// name is a few words, a note a few sentences; a 100 MB name is a wrong file.
inline constexpr std::size_t max_name_chars = 200;
inline constexpr std::size_t max_note_chars = 2000;

/// How long a writer waits for another one before giving up.
inline constexpr int busy_timeout_ms = 10000;

/// The log's SQLite connection, for the log's own files (the only place SQL is written).
SQLite::Database& database(Store& store);

/// Adds sets with one prepared statement; a set whose identity (log/schema.cpp, version 3) is in
/// the log already is left out.
class SetInserter {
 public:
  explicit SetInserter(Store& store);
  /// True when the set was added, false when it was in the log already.
  bool insert(const LoggedSet& set, std::int64_t entry_id);

 private:
  SQLite::Database& db_;
  SQLite::Statement statement_;
};

/// The columns read_set expects, in order, for "SELECT <set_columns> FROM sets ...".
extern const char* const set_columns;

/// A set from a row selected with set_columns.
LoggedSet read_set(const SQLite::Statement& row);

/// Which sets each_set reads: all, those of one exercise, working sets only (no warm-ups), and
/// those an SQL condition on the sets table's columns picks (parameters named `:exercise` and
/// none other), each filter narrowing the others.
struct SetFilter {
  std::string exercise_id;
  bool working_only = false;
  std::string condition;
};

/// Calls `each` for every set the filter picks, oldest first; the sets of a session in the order
/// they were logged (date, session, id). SQLite's errors propagate (with_database_errors names the log).
void each_set(Store& store, const SetFilter& filter, const std::function<void(LoggedSet&)>& each);

}  // namespace lbtrain::log
