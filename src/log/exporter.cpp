// `lbtrain log export`: every set of the log, oldest first, as lbtrain's CSV (which `log import`
// reads back exactly) or as JSON (data/schema/log-export.schema.json).

#include "lbtrain/log.hpp"

#include "log/log_csv.hpp"
#include "log/logged_set.hpp"
#include "log/set_json.hpp"
#include "log/store.hpp"

#include "format/json_writer.hpp"
#include "lbtrain/model/error.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <functional>

namespace lbtrain {

namespace {

using namespace log;

/// Calls `each` for every set, oldest first; sets of a session in the order they were logged.
void for_each_set(const std::string& db, const std::function<void(const LoggedSet&)>& each) {
  Store store = Store::open(db, Store::Access::read);
  if (!store.exists()) return;
  with_database_errors(db, [&] {
    each_set(store, {}, [&](LoggedSet& set) { each(set); });
  });
}

/// Calls `each` for every workout note kept on a session (log/schema.cpp, version 6), oldest first.
void for_each_session_note(const std::string& db, const std::function<void(const SQLite::Statement&)>& each) {
  Store store = Store::open(db, Store::Access::read);
  if (!store.exists()) return;
  with_database_errors(db, [&] {
    SQLite::Statement rows(database(store), "SELECT date, session, note FROM session_notes ORDER BY date, session, id");
    while (rows.executeStep()) each(rows);
  });
}

std::string csv_row(const LoggedSet& s) {
  auto count = [&](DoseKind kind) { return s.kind == kind ? std::to_string(s.count) : std::string(); };
  std::vector<std::string> cells{s.date,
                                 guarded_field(s.exercise_id),
                                 guarded_field(s.exercise),
                                 std::to_string(s.set_number),
                                 count(DoseKind::reps),
                                 count(DoseKind::seconds),
                                 count(DoseKind::breaths),
                                 s.load ? number_text(*s.load) : "",
                                 s.load ? std::string(to_string(s.unit)) : "",
                                 s.rir ? number_text(*s.rir) : "",
                                 s.per_side ? "true" : "false",
                                 s.warmup ? "true" : "false",
                                 guarded_field(s.note),
                                 guarded_field(source_text(s.source)),
                                 guarded_field(s.session),
                                 s.pain ? std::to_string(*s.pain) : ""};
  return join(cells, ",") + "\r\n";
}

}  // namespace

std::string export_log(const std::string& db, const std::string& format, bool compact) {
  static const std::vector<std::string> formats{"csv", "json"};
  if (format != "csv" && format != "json") usage_error(unknown_value_message("--format", "format", format, formats, formats));
  if (format == "csv") {
    std::string out = join(log_csv_columns(), ",") + "\r\n";
    for_each_set(db, [&](const LoggedSet& s) { out += csv_row(s); });
    return out;
  }
  format::JsonWriter w(compact);
  w.begin_object();
  w.member("format", "lbtrain-log");
  w.member("version", 1);
  w.key("sets");
  w.begin_array();
  for_each_set(db, [&](const LoggedSet& s) { write_set_json(w, s); });
  w.end_array();
  // Only a log that has them lists the workouts' notes (the CSV, one set a row, has no place
  // for them).
  bool any = false;
  for_each_session_note(db, [&](const SQLite::Statement& row) {
    if (!any) {
      w.key("session_notes");
      w.begin_array();
      any = true;
    }
    w.begin_object();
    w.member("date", row.getColumn(0).getString());
    w.member("session", row.getColumn(1).getString());
    w.member("note", row.getColumn(2).getString());
    w.end_object();
  });
  if (any) w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace lbtrain
