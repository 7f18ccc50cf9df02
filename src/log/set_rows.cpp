// The sets table's rows: added (SetInserter), read back (read_set) and selected (each_set), the
// one place that names its columns.
#include "log/store.hpp"

#include "lbtrain/model/error.hpp"
#include "format/escape.hpp"

#include <fmt/format.h>

#include <cmath>

namespace lbtrain::log {

const char* const set_columns =
    "date, session, exercise_id, exercise, set_number, reps, seconds, breaths, load, unit, rir, per_side, warmup, "
    "note, source, source_file, program_week, program_day, pain";

SetInserter::SetInserter(Store& store)
    : db_(database(store)),
      statement_(database(store),
                 "INSERT INTO sets (entry_id, date, session, exercise_id, exercise, set_number, reps, seconds, breaths, "
                 "load, unit, rir, per_side, warmup, note, source, source_file, program_week, program_day, pain) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT DO NOTHING") {}

bool SetInserter::insert(const LoggedSet& set, std::int64_t entry_id) {
  // Every parameter is bound on every call (no clearBindings), and text without a copy: `set`
  // outlives the statement's run.
  SQLite::Statement& s = statement_;
  s.reset();
  s.bind(1, entry_id);
  s.bindNoCopy(2, set.date);
  s.bindNoCopy(3, set.session);
  s.bindNoCopy(4, set.exercise_id);
  s.bindNoCopy(5, set.exercise);
  s.bind(6, set.set_number);
  for (int i = 0; i < 3; ++i) {
    DoseKind kind = i == 0 ? DoseKind::reps : i == 1 ? DoseKind::seconds : DoseKind::breaths;
    if (set.kind == kind) s.bind(7 + i, set.count);
    else s.bind(7 + i);
  }
  if (set.load) {
    s.bind(10, *set.load);
    s.bindNoCopy(11, set.unit == LoadUnit::kg ? "kg" : "lb");
  } else {
    s.bind(10);
    s.bind(11);
  }
  if (set.rir) s.bind(12, *set.rir);
  else s.bind(12);
  s.bind(13, set.per_side ? 1 : 0);
  s.bind(14, set.warmup ? 1 : 0);
  s.bindNoCopy(15, set.note);
  bool import = set.source.kind == SetSource::Kind::import;
  bool program = set.source.kind == SetSource::Kind::program;
  s.bindNoCopy(16, import ? "import" : program ? "program" : "typed");
  if (import) s.bindNoCopy(17, set.source.file);
  else s.bind(17);
  if (program) {
    s.bind(18, set.source.week);
    s.bind(19, set.source.day);
  } else {
    s.bind(18);
    s.bind(19);
  }
  if (set.pain) s.bind(20, *set.pain);
  else s.bind(20);
  return s.exec() == 1;
}

LoggedSet read_set(const SQLite::Statement& row) {
  LoggedSet set;
  set.date = row.getColumn(0).getString();
  set.session = row.getColumn(1).getString();
  set.exercise_id = row.getColumn(2).getString();
  set.exercise = row.getColumn(3).getString();
  set.set_number = row.getColumn(4).getInt();
  for (int i = 0; i < 3; ++i) {
    if (row.getColumn(5 + i).isNull()) continue;
    set.kind = i == 0 ? DoseKind::reps : i == 1 ? DoseKind::seconds : DoseKind::breaths;
    set.count = row.getColumn(5 + i).getInt();
  }
  for (int column : {8, 10}) {
    // The CHECKs keep these finite; a log whose CHECKs were removed could hold inf or NaN, which
    // no output may carry (JSON has no such number): the set is refused, not written.
    if (!row.getColumn(column).isNull() && !std::isfinite(row.getColumn(column).getDouble())) {
      data_error(fmt::format("the training log holds a set that is not a number ({} on {}, {} set {}): its database "
                             "was changed by another program; remove that set with sqlite3",
                             column == 8 ? "load" : "RIR", set.date, single_line(set.exercise), set.set_number));
    }
  }
  if (!row.getColumn(8).isNull()) {
    set.load = row.getColumn(8).getDouble();
    set.unit = row.getColumn(9).getString() == "lb" ? LoadUnit::lb : LoadUnit::kg;
  }
  if (!row.getColumn(10).isNull()) set.rir = row.getColumn(10).getDouble();
  set.per_side = row.getColumn(11).getInt() != 0;
  set.warmup = row.getColumn(12).getInt() != 0;
  set.note = row.getColumn(13).getString();
  std::string source = row.getColumn(14).getString();
  if (source == "import") {
    set.source.kind = SetSource::Kind::import;
    set.source.file = row.getColumn(15).getString();
  } else if (source == "program") {
    set.source.kind = SetSource::Kind::program;
    set.source.week = row.getColumn(16).getInt();
    set.source.day = row.getColumn(17).getInt();
  }
  if (!row.getColumn(18).isNull()) set.pain = row.getColumn(18).getInt();
  return set;
}

void each_set(Store& store, const SetFilter& filter, const std::function<void(LoggedSet&)>& each) {
  std::string where;
  auto add = [&where](const char* condition) { where += (where.empty() ? "WHERE " : " AND ") + std::string(condition); };
  if (!filter.exercise_id.empty()) add("exercise_id = :exercise");
  if (filter.working_only) add("warmup = 0");
  if (!filter.condition.empty()) add(filter.condition.c_str());
  SQLite::Statement rows(database(store), fmt::format("SELECT {} FROM sets {} ORDER BY date, session, id", set_columns, where));
  if (!filter.exercise_id.empty()) rows.bind(":exercise", filter.exercise_id);
  while (rows.executeStep()) {
    LoggedSet set = read_set(rows);
    each(set);
  }
}

}  // namespace lbtrain::log
