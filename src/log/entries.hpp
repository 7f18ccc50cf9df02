#pragma once
// The log's entries: what one `lbtrain log`, `lbtrain done` or import added, by id, and how a
// set of an entry is numbered after the sets logged that day.

#include "log/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lbtrain::log {

/// An entry as `lbtrain log entries` lists it.
struct EntryRow {
  std::int64_t id = 0;
  std::string kind;     ///< typed or import
  std::string summary;  ///< what it recorded
  std::string created_at;
  std::string first_date, last_date;  ///< of its sets ("" when it has none)
  int sets = 0;
};

/// The entry, other than the one being written, whose sets of the day are exactly these (same
/// exercise, kind, counts, loads and units, in order): the same sets typed twice.
std::optional<EntryRow> entry_with_same_sets(Store& store, const std::vector<LoggedSet>& sets);

/// Inserts `sets` (one exercise's, one date's, typed: session "") under `entry`, numbered after
/// the sets of that exercise already logged that day; returns the first set's number.
int insert_after_day_sets(Store& store, std::vector<LoggedSet>& sets, std::int64_t entry);

/// The newest `limit` entries (0: all), newest first.
std::vector<EntryRow> recent_entries(Store& store, int limit);

/// The entries with a set on `date`, newest first.
std::vector<EntryRow> entries_on(Store& store, const std::string& date);

}  // namespace lbtrain::log
