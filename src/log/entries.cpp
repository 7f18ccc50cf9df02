// The log's entries by id: `lbtrain log entries`, `lbtrain log undo [ID]`, the same sets typed
// twice, and `lbtrain done`'s one entry for a whole session.

#include "log/entries.hpp"

#include "format/escape.hpp"
#include "lbtrain/model/error.hpp"
#include "log/logged_set.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

namespace lbtrain {
namespace log {

namespace {

const char* const entry_columns =
    "entries.id, entries.kind, entries.summary, entries.created_at, "
    "(SELECT ifnull(min(date), '') FROM sets WHERE entry_id = entries.id), "
    "(SELECT ifnull(max(date), '') FROM sets WHERE entry_id = entries.id), "
    "(SELECT count(*) FROM sets WHERE entry_id = entries.id)";

EntryRow read_entry(const SQLite::Statement& row) {
  EntryRow e;
  e.id = row.getColumn(0).getInt64();
  e.kind = row.getColumn(1).getString();
  e.summary = row.getColumn(2).getString();
  e.created_at = row.getColumn(3).getString();
  e.first_date = row.getColumn(4).getString();
  e.last_date = row.getColumn(5).getString();
  e.sets = row.getColumn(6).getInt();
  return e;
}

std::string what_is_done(const LoggedSet& s) {
  return fmt::format("{}|{}|{}|{}", static_cast<int>(s.kind), s.count, s.load ? number_text(*s.load) : "bw",
                     s.load ? to_string(s.unit) : "");
}


}  // namespace

std::optional<EntryRow> entry_with_same_sets(Store& store, const std::vector<LoggedSet>& sets) {
  if (sets.empty()) return std::nullopt;
  SQLite::Statement rows(database(store), fmt::format("SELECT {}, entry_id FROM sets WHERE date = ? AND session = '' AND "
                                                 "(exercise_id = ? OR exercise = ?) ORDER BY entry_id, set_number",
                                                 set_columns));
  rows.bind(1, sets.front().date);
  rows.bind(2, sets.front().exercise_id);
  rows.bind(3, sets.front().exercise);
  std::map<std::int64_t, std::vector<std::string>> by_entry;
  while (rows.executeStep()) by_entry[rows.getColumn("entry_id").getInt64()].push_back(what_is_done(read_set(rows)));
  std::vector<std::string> wanted;
  for (const auto& s : sets) wanted.push_back(what_is_done(s));
  for (auto it = by_entry.rbegin(); it != by_entry.rend(); ++it) {
    if (it->second != wanted) continue;
    SQLite::Statement entry(database(store), fmt::format("SELECT {} FROM entries WHERE id = ?", entry_columns));
    entry.bind(1, it->first);
    if (entry.executeStep()) return read_entry(entry);
  }
  return std::nullopt;
}

int insert_after_day_sets(Store& store, std::vector<LoggedSet>& sets, std::int64_t entry) {
  if (sets.empty()) return 0;
  const LoggedSet& front = sets.front();
  // After every set of this exercise that day, by its id or by its name (a set's identity has
  // the name: an imported set of the same name under another catalogue's id counts too).
  SQLite::Statement next(database(store), "SELECT coalesce(max(set_number), 0) FROM sets "
                                     "WHERE date = ? AND session = '' AND (exercise_id = ? OR exercise = ?)");
  next.bind(1, front.date);
  next.bind(2, front.exercise_id);
  next.bind(3, front.exercise);
  next.executeStep();
  int first = next.getColumn(0).getInt() + 1;
  if (first - 1 + static_cast<int>(sets.size()) > max_set_number) {
    usage_error(fmt::format("{} {} has {} sets already; a day holds at most {} sets of an exercise", front.date,
                            single_line(front.exercise), first - 1, max_set_number));
  }
  SetInserter inserter(store);
  for (std::size_t i = 0; i < sets.size(); ++i) {
    sets[i].set_number = first + static_cast<int>(i);
    if (!inserter.insert(sets[i], entry)) {
      throw std::logic_error("set " + std::to_string(sets[i].set_number) + " of this exercise and day was logged already");
    }
  }
  return first;
}

std::vector<EntryRow> recent_entries(Store& store, int limit) {
  std::vector<EntryRow> out;
  if (!store.exists()) return out;
  SQLite::Statement rows(database(store), fmt::format("SELECT {} FROM entries ORDER BY id DESC{}", entry_columns,
                                                 limit > 0 ? fmt::format(" LIMIT {}", limit) : ""));
  while (rows.executeStep()) out.push_back(read_entry(rows));
  return out;
}

std::vector<EntryRow> entries_on(Store& store, const std::string& date) {
  std::vector<EntryRow> out;
  if (!store.exists()) return out;
  SQLite::Statement rows(database(store), fmt::format("SELECT {} FROM entries WHERE id IN (SELECT entry_id FROM sets "
                                                 "WHERE date = ?) ORDER BY id DESC",
                                                 entry_columns));
  rows.bind(1, date);
  while (rows.executeStep()) out.push_back(read_entry(rows));
  return out;
}

}  // namespace log

using namespace log;

std::int64_t log_session_entry(const std::string& db, const std::string& summary,
                               std::vector<std::vector<LoggedSet>> exercises) {
  Store store = Store::open(db, Store::Access::write);
  std::int64_t entry = 0;
  store.write([&] {
    entry = store.add_entry("typed", summary);
    for (auto& sets : exercises) insert_after_day_sets(store, sets, entry);
  });
  return entry;
}

std::vector<std::string> entries_on_date(const std::string& db, const std::string& date) {
  Store store = Store::open(db, Store::Access::read);
  std::vector<std::string> out;
  with_database_errors(db, [&] {
    for (const auto& e : entries_on(store, date)) out.push_back(std::to_string(e.id));
  });
  return out;
}

namespace {

void remove_entry(Store& store, std::int64_t id) {
  if (database(store).execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'marks'").getInt() > 0) {
    SQLite::Statement remove_marks(database(store), "DELETE FROM marks WHERE entry_id = ?");
    remove_marks.bind(1, id);
    remove_marks.exec();
  }
  SQLite::Statement remove_sets(database(store), "DELETE FROM sets WHERE entry_id = ?");
  remove_sets.bind(1, id);
  remove_sets.exec();
  SQLite::Statement remove(database(store), "DELETE FROM entries WHERE id = ?");
  remove.bind(1, id);
  remove.exec();
}

// A morning after, a warning sign or a clearance has no sets: its summary says what it was.
std::string sets_said(int sets) {
  return sets == 0 ? "" : fmt::format(" ({} set{})", sets, sets == 1 ? "" : "s");
}

}  // namespace

std::string undo_last_entry(const std::string& db) {
  Store store = Store::open(db, Store::Access::write);
  std::string message;
  store.write([&] {
    auto last = recent_entries(store, 1);
    if (last.empty()) {
      message = fmt::format("Nothing to undo: the training log \"{}\" has no entries.", db);
      return;
    }
    remove_entry(store, last.front().id);
    message = fmt::format("Removed the last entry: {}{}.", last.front().summary, sets_said(last.front().sets));
  });
  return single_line(message) + "\n";
}

std::string undo_entry(const std::string& db, std::int64_t id) {
  Store store = Store::open(db, Store::Access::write);
  std::string message;
  store.write([&] {
    SQLite::Statement row(database(store), fmt::format("SELECT {} FROM entries WHERE id = ?", entry_columns));
    row.bind(1, id);
    if (!row.executeStep()) {
      auto last = recent_entries(store, 1);
      usage_error(fmt::format("the training log \"{}\" has no entry {}; {}", db, id,
                              last.empty() ? std::string("it has no entries")
                                           : fmt::format("its entries are numbered up to {}: see lbtrain log entries",
                                                         last.front().id)));
    }
    EntryRow e = read_entry(row);
    remove_entry(store, id);
    message = fmt::format("Removed entry {}: {}{}.", id, e.summary, sets_said(e.sets));
  });
  return single_line(message) + "\n";
}

std::string list_entries(const std::string& db, int limit, const std::string& format) {
  if (format != "text" && format != "json") {
    usage_error(fmt::format("--format: \"{}\" is not a format of log entries; give text or json", single_line(format)));
  }
  Store store = Store::open(db, Store::Access::read);
  std::vector<EntryRow> rows;
  with_database_errors(db, [&] { rows = recent_entries(store, limit); });
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& e : rows) {
      list.push_back({{"id", e.id}, {"kind", e.kind}, {"summary", e.summary}, {"created_at", e.created_at},
                      {"first_date", e.first_date}, {"last_date", e.last_date}, {"sets", e.sets}});
    }
    return nlohmann::ordered_json{{"entries", list}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
           "\n";
  }
  if (rows.empty()) return fmt::format("The training log \"{}\" has no entries.\n", db);
  std::string out = fmt::format("{:>5}  {:<10}  {:>5}  {}\n", "ID", "DATE", "SETS", "WHAT");
  for (const auto& e : rows) {
    std::string date = e.first_date.empty() ? e.created_at.substr(0, 10) : e.first_date;
    std::string what = e.summary;
    // A typed entry's summary starts with its date, which the DATE column gives.
    if (!date.empty() && what.rfind(date + " ", 0) == 0) what.erase(0, date.size() + 1);
    if (e.first_date != e.last_date) what += fmt::format(" ({} to {})", e.first_date, e.last_date);
    out += single_line(fmt::format("{:>5}  {:<10}  {:>5}  {}", e.id, date, e.sets, what)) + "\n";
  }
  out += "Take one back with: lbtrain log undo ID\n";
  return out;
}

}  // namespace lbtrain
