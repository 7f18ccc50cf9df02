#include "log/history.hpp"

#include "log/logged_set.hpp"
#include "log/store.hpp"
#include "model/text_match.hpp"

#include "lbtrain/data.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <tuple>
#include <unordered_map>

namespace lbtrain::log {

std::string_view to_string(Measure measure) {
  switch (measure) {
    case Measure::e1rm: return "e1rm";
    case Measure::reps: return "reps";
    case Measure::seconds: return "seconds";
    case Measure::breaths: return "breaths";
  }
  return "reps";
}

namespace {

constexpr std::array<Measure, 4> measures{Measure::e1rm, Measure::reps, Measure::seconds, Measure::breaths};

/// Whether an estimated 1RM means something for the exercise: a barbell or dumbbell compound
/// lift, as the built-in rules list them (adaptation e1rm_categories, e1rm_equipment); never a
/// back extension, core work or a held plate. An exercise the catalogue does not know keeps it.
bool has_e1rm(const std::string& exercise_id) {
  const Exercise* exercise = builtin_catalogue().find(exercise_id);
  if (!exercise) return true;
  const Adaptation& rules = builtin_rules().adaptation;
  auto listed = [](const std::vector<std::string>& list, const std::string& word) {
    return list.empty() || std::find(list.begin(), list.end(), word) != list.end();
  };
  if (!listed(rules.e1rm_categories, exercise->category)) return false;
  return std::any_of(exercise->equipment.begin(), exercise->equipment.end(),
                     [&](Word word) { return listed(rules.e1rm_equipment, word); });
}

std::optional<double> value_of(const LoggedSet& set, Measure measure, LoadUnit unit) {
  if (set.warmup) return std::nullopt;
  switch (measure) {
    case Measure::e1rm: return has_e1rm(set.exercise_id) ? estimated_1rm(set, unit) : std::nullopt;
    case Measure::reps: return set.kind == DoseKind::reps ? std::optional<double>(set.count) : std::nullopt;
    case Measure::seconds: return set.kind == DoseKind::seconds ? std::optional<double>(set.count) : std::nullopt;
    case Measure::breaths: return set.kind == DoseKind::breaths ? std::optional<double>(set.count) : std::nullopt;
  }
  return std::nullopt;
}

/// Adds a set to its exercise in the session; `index` holds where each exercise of this session
/// is (a session of thousands of names is not searched through for each set).
void add_to_session(SessionWork& session, const LoggedSet& set, std::unordered_map<std::string, std::size_t>& index) {
  auto [it, added] = index.try_emplace(set.exercise_id, session.exercises.size());
  if (added) session.exercises.push_back({set.exercise_id, set.exercise, {}});
  session.exercises[it->second].sets.push_back(set);
}

}  // namespace

std::optional<double> session_best(const std::vector<LoggedSet>& sets, Measure measure, LoadUnit unit) {
  std::optional<double> best;
  for (const auto& s : sets) {
    auto v = value_of(s, measure, unit);
    if (v) best = std::max(best.value_or(*v), *v);
  }
  return best;
}

namespace {

/// "WHERE exercise_id = ?" when the history is of one exercise (bound as parameter 1).
std::string only(const std::string& exercise_id, const char* word) {
  return exercise_id.empty() ? "" : std::string(word) + " exercise_id = ?1 ";
}

/// The sessions and sets in all, counted in SQL.
void count_all(Store& store, const std::string& exercise_id, HistoryData& data) {
  SQLite::Statement count(database(store), fmt::format("SELECT count(*), ifnull(sum(n), 0) FROM (SELECT count(*) AS n FROM "
                                                  "sets {}GROUP BY date, session)",
                                                  only(exercise_id, "WHERE")));
  if (!exercise_id.empty()) count.bind(1, exercise_id);
  count.executeStep();
  data.total_sessions = static_cast<std::size_t>(count.getColumn(0).getInt64());
  data.total_sets = static_cast<std::size_t>(count.getColumn(1).getInt64());
}

/// The last `limit` sessions (0: all), newest first, with their sets: only their sets are read.
void read_sessions(Store& store, const std::string& exercise_id, int limit, HistoryData& data) {
  SetFilter filter;
  filter.exercise_id = exercise_id;
  if (limit != 0) {
    filter.condition = fmt::format("(date, session) IN (SELECT date, session FROM sets {}GROUP BY date, session ORDER "
                                   "BY date DESC, session DESC LIMIT {})",
                                   exercise_id.empty() ? "" : "WHERE exercise_id = :exercise ", limit);
  }
  std::unordered_map<std::string, std::size_t> index;
  each_set(store, filter, [&](LoggedSet& set) {
    // An exercise of the catalogue goes by the catalogue's name, whatever an app called it.
    if (const Exercise* known = builtin_catalogue().find(set.exercise_id)) set.exercise = known->name;
    if (data.sessions.empty() || data.sessions.back().date != set.date || data.sessions.back().session != set.session) {
      data.sessions.push_back({set.date, set.session, {}});
      index.clear();
    }
    add_to_session(data.sessions.back(), set, index);
  });
  std::reverse(data.sessions.begin(), data.sessions.end());
}

// The SQL functions the summaries' query calls, for what the catalogue and the rules of C++
// decide; each deterministic, none throws (an error is SQLite's).

/// A value's text ("" for NULL).
std::string text_of(sqlite3_value* value) {
  const unsigned char* text = sqlite3_value_text(value);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_value_bytes(value)))
              : std::string();
}

/// lb_has_e1rm(exercise_id): has_e1rm.
void sql_has_e1rm(sqlite3_context* context, int, sqlite3_value** args) {
  try {
    sqlite3_result_int(context, has_e1rm(text_of(args[0])) ? 1 : 0);
  } catch (...) {
    sqlite3_result_error_nomem(context);
  }
}

/// lb_e1rm(reps, load, unit, rir, history unit): estimated_1rm of the set; NULL without reps or load.
void sql_e1rm(sqlite3_context* context, int, sqlite3_value** args) {
  try {
    if (sqlite3_value_type(args[0]) == SQLITE_NULL || sqlite3_value_type(args[1]) == SQLITE_NULL) {
      sqlite3_result_null(context);
      return;
    }
    LoggedSet set;
    set.kind = DoseKind::reps;
    set.count = sqlite3_value_int(args[0]);
    set.load = sqlite3_value_double(args[1]);
    auto unit_of = [](sqlite3_value* value) {
      const unsigned char* text = sqlite3_value_text(value);
      return text && std::strcmp(reinterpret_cast<const char*>(text), "lb") == 0 ? LoadUnit::lb : LoadUnit::kg;
    };
    set.unit = unit_of(args[2]);
    if (sqlite3_value_type(args[3]) != SQLITE_NULL) set.rir = sqlite3_value_double(args[3]);
    auto e1rm = estimated_1rm(set, unit_of(args[4]));
    if (e1rm) sqlite3_result_double(context, *e1rm);
    else sqlite3_result_null(context);
  } catch (...) {
    sqlite3_result_error_nomem(context);
  }
}

/// lb_name(exercise_id, name): the name shown, the catalogue's for an exercise it knows.
void sql_name(sqlite3_context* context, int, sqlite3_value** args) {
  try {
    if (const Exercise* known = builtin_catalogue().find(text_of(args[0]))) {
      sqlite3_result_text(context, known->name.data(), static_cast<int>(known->name.size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_result_value(context, args[1]);
    }
  } catch (...) {
    sqlite3_result_error_nomem(context);
  }
}

/// lb_fold(text): the text with ASCII letters in lower case, byte by byte (ascii_lower).
void sql_fold(sqlite3_context* context, int, sqlite3_value** args) {
  try {
    const std::string text = ascii_lower(text_of(args[0]));
    sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  } catch (...) {
    sqlite3_result_error_nomem(context);
  }
}

/// lb_key(value, date, session, id): a blob whose bytes order as (value, date, session, id)
/// do, so max() of it is the best set, ties to the later one, and min() of it the first set;
/// NULL when the value is. The value is a double, its bits made to order as unsigned; the date
/// has a fixed length; the session ends in a NUL; the id comes last, big-endian.
void sql_key(sqlite3_context* context, int, sqlite3_value** args) {
  if (sqlite3_value_type(args[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  double value = sqlite3_value_double(args[0]);
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  bits = (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
  auto id = static_cast<std::uint64_t>(sqlite3_value_int64(args[3])) ^ (std::uint64_t{1} << 63);
  const unsigned char *date = sqlite3_value_text(args[1]), *session = sqlite3_value_text(args[2]);
  const auto date_size = static_cast<std::size_t>(sqlite3_value_bytes(args[1]));
  const auto session_size = static_cast<std::size_t>(sqlite3_value_bytes(args[2]));
  const std::size_t size = 8 + date_size + session_size + 1 + 8;
  auto* key = static_cast<unsigned char*>(sqlite3_malloc64(size));
  if (!key) {
    sqlite3_result_error_nomem(context);
    return;
  }
  unsigned char* at = key;
  for (int shift = 56; shift >= 0; shift -= 8) *at++ = static_cast<unsigned char>(bits >> shift);
  if (date_size > 0) at = std::copy(date, date + date_size, at);
  if (session_size > 0) at = std::copy(session, session + session_size, at);
  *at++ = 0;
  for (int shift = 56; shift >= 0; shift -= 8) *at++ = static_cast<unsigned char>(id >> shift);
  sqlite3_result_blob64(context, key, size, sqlite3_free);
}

/// lb_key_id(key): the set id a key of lb_key ends with; NULL for NULL.
void sql_key_id(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* bytes = static_cast<const unsigned char*>(sqlite3_value_blob(args[0]));
  const int size = sqlite3_value_bytes(args[0]);
  if (!bytes || size < 16) {
    sqlite3_result_null(context);
    return;
  }
  std::uint64_t id = 0;
  for (int i = size - 8; i < size; ++i) id = id << 8 | bytes[i];
  sqlite3_result_int64(context, static_cast<sqlite3_int64>(id ^ (std::uint64_t{1} << 63)));
}

/// The value a key of lb_key starts with, bit for bit.
double key_value(const unsigned char* key) {
  std::uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) bits = bits << 8 | key[i];
  bits = (bits >> 63) != 0 ? bits & ~(std::uint64_t{1} << 63) : ~bits;
  double value = 0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

/// What lb_trend gathers of an exercise: for each measure, the last sessions that have a best
/// of it (at most trend_sessions), in any order.
using Trends = std::array<std::vector<TrendPoint>, 4>;

bool older(const TrendPoint& a, const TrendPoint& b) { return std::tie(a.date, a.session) < std::tie(b.date, b.session); }

/// lb_trend(date, session, k0, k1, k2, k3), an aggregate over an exercise's sessions (each
/// session's best key of each measure, NULL when none), in any order: the Trends, each oldest
/// first, as a blob that trends_of reads.
void trend_step(sqlite3_context* context, int, sqlite3_value** args) {
  auto** state = static_cast<Trends**>(sqlite3_aggregate_context(context, sizeof(Trends*)));
  try {
    if (!state) throw std::bad_alloc();
    if (!*state) *state = new Trends();
    for (std::size_t m = 0; m < 4; ++m) {
      const auto* key = static_cast<const unsigned char*>(sqlite3_value_blob(args[2 + m]));
      if (!key || sqlite3_value_bytes(args[2 + m]) < 16) continue;
      TrendPoint point{text_of(args[0]), text_of(args[1]), key_value(key)};
      auto& points = (**state)[m];
      if (points.size() < trend_sessions) {
        points.push_back(std::move(point));
      } else if (auto oldest = std::min_element(points.begin(), points.end(), older); older(*oldest, point)) {
        *oldest = std::move(point);
      }
    }
  } catch (...) {
    sqlite3_result_error_nomem(context);
  }
}

void put(std::string& out, const std::string& text) {
  auto size = static_cast<std::uint32_t>(text.size());
  out.append(reinterpret_cast<const char*>(&size), sizeof size).append(text);
}

void trend_final(sqlite3_context* context) {
  auto** state = static_cast<Trends**>(sqlite3_aggregate_context(context, 0));
  std::unique_ptr<Trends> trends(state ? *state : nullptr);
  try {
    std::string out;
    Trends none;
    for (auto& points : trends ? *trends : none) {
      std::sort(points.begin(), points.end(), older);
      out.push_back(static_cast<char>(points.size()));
      for (const auto& p : points) {
        put(out, p.date);
        put(out, p.session);
        out.append(reinterpret_cast<const char*>(&p.value), sizeof p.value);
      }
    }
    sqlite3_result_blob(context, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
  } catch (...) {
    sqlite3_result_error_nomem(context);
  }
}

/// The trend of measure `m` in a blob of lb_trend.
std::vector<TrendPoint> trends_of(const SQLite::Column& blob, std::size_t m) {
  const char* at = static_cast<const char*>(blob.getBlob());
  const char* end = at + blob.getBytes();
  auto text = [&] {
    std::uint32_t size = 0;
    std::memcpy(&size, at, sizeof size);
    std::string out(at + sizeof size, size);
    at += sizeof size + size;
    return out;
  };
  std::vector<TrendPoint> points;
  for (std::size_t k = 0; k <= m && at < end; ++k) {
    const auto count = static_cast<unsigned char>(*at++);
    for (unsigned i = 0; i < count; ++i) {
      TrendPoint p;
      p.date = text();
      p.session = text();
      std::memcpy(&p.value, at, sizeof p.value);
      at += sizeof p.value;
      if (k == m) points.push_back(std::move(p));
    }
  }
  return points;
}

void add_functions(SQLite::Database& db) {
  db.createFunction("lb_has_e1rm", 1, true, nullptr, sql_has_e1rm);
  db.createFunction("lb_e1rm", 5, true, nullptr, sql_e1rm);
  db.createFunction("lb_name", 2, true, nullptr, sql_name);
  db.createFunction("lb_fold", 1, true, nullptr, sql_fold);
  db.createFunction("lb_key", 4, true, nullptr, sql_key);
  db.createFunction("lb_key_id", 1, true, nullptr, sql_key_id);
  db.createFunction("lb_trend", 6, true, nullptr, nullptr, trend_step, trend_final);
}

/// Each exercise's summary, grouped in SQL, in one query. g: per exercise and session, its sets,
/// its first set, and for each measure (e1rm, reps, seconds, breaths) the key (lb_key) of its
/// best working set, which holds the value. e: per exercise, its sessions, sets, last date,
/// first set (for the name), best set of each measure, and the last sessions' bests of each
/// (lb_trend). u: the measure, the first of the four that a working set has. A row per exercise,
/// by the name shown, letter case aside, then id: the best set's columns (set_columns) first,
/// then those summary_from and each_summary read.
std::string summaries_sql(const std::string& exercise_id, LoadUnit unit) {
  const std::array<std::string, 4> values{fmt::format("lb_e1rm(reps, load, unit, rir, '{}')", to_string(unit)), "reps",
                                          "seconds", "breaths"};
  std::string keys;
  for (std::size_t m = 0; m < values.size(); ++m) {
    keys += fmt::format(", max(lb_key(CASE WHEN NOT warmup THEN {} END, date, session, id)) AS k{}", values[m], m);
  }
  return fmt::format(
      "WITH g AS (SELECT exercise_id, date, session, count(*) AS n, min(id) AS first_id{0} FROM sets {1}"
      "GROUP BY exercise_id, date, session), "
      "e AS (SELECT exercise_id, count(*) AS sessions, sum(n) AS n_sets, max(date) AS last_date, "
      "lb_key_id(min(lb_key(0, date, session, first_id))) AS first_id, max(k0) AS e0, max(k1) AS e1, max(k2) AS e2, "
      "max(k3) AS e3, lb_trend(date, session, k0, k1, k2, k3) AS trends FROM g GROUP BY exercise_id), "
      "u AS (SELECT *, CASE WHEN e0 IS NOT NULL AND lb_has_e1rm(exercise_id) THEN 0 WHEN e1 IS NOT NULL THEN 1 "
      "WHEN e2 IS NOT NULL THEN 2 WHEN e3 IS NOT NULL THEN 3 END AS measure FROM e) "
      "SELECT x.*, u.exercise_id, lb_name(u.exercise_id, f.exercise) AS shown, u.sessions, u.n_sets, u.last_date, "
      "u.measure, u.trends FROM u JOIN sets f ON f.id = u.first_id "
      "LEFT JOIN (SELECT {2}, id AS best_id FROM sets) x ON x.best_id = lb_key_id(CASE u.measure WHEN 0 THEN u.e0 WHEN 1 THEN u.e1 WHEN 2 THEN u.e2 "
      "WHEN 3 THEN u.e3 END) ORDER BY lb_fold(shown), u.exercise_id",
      keys, only(exercise_id, "WHERE"), set_columns);
}

/// The summary in a row of summaries_sql.
void summary_from(const SQLite::Statement& row, LoadUnit unit, ExerciseSummary& summary) {
  constexpr int at = 20;  // the first column after the best set's and its id
  summary = ExerciseSummary{};
  summary.exercise_id = row.getColumn(at).getString();
  summary.exercise = row.getColumn(at + 1).getString();
  summary.sessions = static_cast<std::size_t>(row.getColumn(at + 2).getInt64());
  summary.sets = static_cast<std::size_t>(row.getColumn(at + 3).getInt64());
  summary.last_date = row.getColumn(at + 4).getString();
  if (row.getColumn(at - 1).isNull()) return;  // warm-ups only
  summary.measure = measures[static_cast<std::size_t>(row.getColumn(at + 5).getInt())];
  summary.best = read_set(row);
  // An exercise of the catalogue goes by the catalogue's name, whatever an app called it.
  if (const Exercise* known = builtin_catalogue().find(summary.best->exercise_id)) summary.best->exercise = known->name;
  if (summary.measure == Measure::e1rm) summary.e1rm = estimated_1rm(*summary.best, unit);  // as lb_e1rm gave it
  summary.trend = trends_of(row.getColumn(at + 6), static_cast<std::size_t>(summary.measure));
}

/// Calls `visit` with each exercise's summary in turn, from one query: one summary held at a time.
void each_summary(Store& store, const std::string& exercise_id, LoadUnit unit,
                  const std::function<void(const ExerciseSummary&)>& visit) {
  if (!store.exists()) return;
  with_database_errors(store.path(), [&] {
    add_functions(database(store));
    SQLite::Statement rows(database(store), summaries_sql(exercise_id, unit));
    if (!exercise_id.empty()) rows.bind(1, exercise_id);
    ExerciseSummary summary;
    while (rows.executeStep()) {
      summary_from(rows, unit, summary);
      visit(summary);
    }
  });
}

/// Whether an exercise has an estimated 1RM: a working set of reps with a load, of an exercise
/// that has one.
bool any_e1rm(Store& store, const std::string& exercise_id) {
  add_functions(database(store));
  SQLite::Statement query(database(store), fmt::format("SELECT EXISTS (SELECT 1 FROM sets WHERE NOT warmup AND reps IS NOT "
                                                  "NULL AND load IS NOT NULL AND lb_has_e1rm(exercise_id) {})",
                                                  only(exercise_id, "AND")));
  if (!exercise_id.empty()) query.bind(1, exercise_id);
  query.executeStep();
  return query.getColumn(0).getInt() != 0;
}

/// Reads the first set, in the order the summaries once read every set, whose load or RIR is
/// not a finite number (a log whose CHECKs were removed): read_set refuses it, as it refused it
/// then, before anything is shown.
void refuse_infinite(Store& store, const std::string& exercise_id) {
  SQLite::Statement rows(database(store), fmt::format("SELECT {} FROM sets WHERE (abs(load) > 1.7976931348623157e308 OR "
                                                 "abs(rir) > 1.7976931348623157e308) {}ORDER BY exercise_id, date, "
                                                 "session, id LIMIT 1",
                                                 set_columns, only(exercise_id, "AND")));
  if (!exercise_id.empty()) rows.bind(1, exercise_id);
  if (rows.executeStep()) read_set(rows);
}

}  // namespace

HistoryData read_history(Store& store, const std::string& exercise_id, int limit, LoadUnit unit) {
  HistoryData data;
  data.each_exercise = [&store, exercise_id, unit](const std::function<void(const ExerciseSummary&)>& visit) {
    each_summary(store, exercise_id, unit, visit);
  };
  if (!store.exists()) return data;
  with_database_errors(store.path(), [&] {
    count_all(store, exercise_id, data);
    read_sessions(store, exercise_id, limit, data);
    refuse_infinite(store, exercise_id);
    data.any_e1rm = any_e1rm(store, exercise_id);
  });
  return data;
}

}  // namespace lbtrain::log
