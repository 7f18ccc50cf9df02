#include "log/history.hpp"

#include "log/logged_set.hpp"
#include "log/store.hpp"

#include "lbtrain/data_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <memory>
#include <unordered_map>

namespace lbtrain::logbook {

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

/// One exercise, accumulated set by set in date order.
struct Accumulator {
  ExerciseSummary summary;
  std::string last_key;
  struct Record {
    std::string date, session;
    std::array<std::optional<double>, 4> best;
  };
  std::vector<Record> records;
  std::array<std::optional<LoggedSet>, 4> best;
  std::array<double, 4> best_value{};

  void add(const LoggedSet& set, const std::string& key, LoadUnit unit) {
    ++summary.sets;
    if (key != last_key) {
      last_key = key;
      ++summary.sessions;
      records.push_back({set.date, set.session, {}});
    }
    summary.last_date = set.date;
    for (std::size_t m = 0; m < measures.size(); ++m) {
      auto v = value_of(set, measures[m], unit);
      if (!v) continue;
      auto& record = records.back().best[m];
      record = std::max(record.value_or(*v), *v);
      if (!best[m] || *v >= best_value[m]) {  // ties: the later set
        best[m] = set;
        best_value[m] = *v;
      }
    }
  }

  ExerciseSummary finish() {
    for (std::size_t m = 0; m < measures.size(); ++m) {
      if (!best[m]) continue;
      summary.measure = measures[m];
      summary.best = std::move(*best[m]);
      if (measures[m] == Measure::e1rm) summary.e1rm = best_value[m];
      for (const auto& r : records) {
        if (r.best[m]) summary.trend.push_back({r.date, r.session, *r.best[m]});
      }
      if (summary.trend.size() > trend_sessions) {
        summary.trend.erase(summary.trend.begin(), summary.trend.end() - static_cast<std::ptrdiff_t>(trend_sessions));
      }
      break;
    }
    return std::move(summary);
  }
};

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

std::optional<LoadUnit> usual_unit(Store& store) {
  if (!store.exists()) return std::nullopt;
  std::int64_t kg = 0, lb = 0;
  with_database_errors(store.path(), [&] {
    SQLite::Statement rows(store.db(), "SELECT unit, count(*) FROM sets WHERE load IS NOT NULL GROUP BY unit");
    while (rows.executeStep()) (rows.getColumn(0).getString() == "lb" ? lb : kg) += rows.getColumn(1).getInt64();
  });
  if (kg == lb) return std::nullopt;
  return kg > lb ? LoadUnit::kg : LoadUnit::lb;
}

namespace {

/// "WHERE exercise_id = ?" when the history is of one exercise (bound as parameter 1).
std::string only(const std::string& exercise_id, const char* word) {
  return exercise_id.empty() ? "" : std::string(word) + " exercise_id = ?1 ";
}

/// Every set in the log, or of one exercise, as `add` takes them, in the order `order` gives.
void each_set(Store& store, const std::string& exercise_id, const std::string& condition, const std::string& order,
              const std::function<void(LoggedSet&)>& add) {
  SQLite::Statement rows(store.db(), fmt::format("SELECT {} FROM sets {}{}ORDER BY {}", set_columns,
                                                 only(exercise_id, "WHERE"), condition, order));
  if (!exercise_id.empty()) rows.bind(1, exercise_id);
  while (rows.executeStep()) {
    LoggedSet set = read_set(rows);
    // An exercise of the catalogue goes by the catalogue's name, whatever an app called it.
    if (const Exercise* known = builtin_catalogue().find(set.exercise_id)) set.exercise = known->name;
    add(set);
  }
}

/// The sessions and sets in all, counted in SQL.
void count_all(Store& store, const std::string& exercise_id, HistoryData& data) {
  SQLite::Statement count(store.db(), fmt::format("SELECT count(*), ifnull(sum(n), 0) FROM (SELECT count(*) AS n FROM "
                                                  "sets {}GROUP BY date, session)",
                                                  only(exercise_id, "WHERE")));
  if (!exercise_id.empty()) count.bind(1, exercise_id);
  count.executeStep();
  data.total_sessions = static_cast<std::size_t>(count.getColumn(0).getInt64());
  data.total_sets = static_cast<std::size_t>(count.getColumn(1).getInt64());
}

/// The last `limit` sessions (0: all), newest first, with their sets: only their sets are read.
void read_sessions(Store& store, const std::string& exercise_id, int limit, HistoryData& data) {
  std::string last = limit == 0 ? ""
                                : fmt::format("{} (date, session) IN (SELECT date, session FROM sets {}GROUP BY date, "
                                              "session ORDER BY date DESC, session DESC LIMIT {}) ",
                                              exercise_id.empty() ? "WHERE" : "AND", only(exercise_id, "WHERE"), limit);
  std::unordered_map<std::string, std::size_t> index;
  each_set(store, exercise_id, last, "date, session, id", [&](LoggedSet& set) {
    if (data.sessions.empty() || data.sessions.back().date != set.date || data.sessions.back().session != set.session) {
      data.sessions.push_back({set.date, set.session, {}});
      index.clear();
    }
    add_to_session(data.sessions.back(), set, index);
  });
  std::reverse(data.sessions.begin(), data.sessions.end());
}

/// Each exercise's summary: its sets come in one query sorted by exercise, so one exercise is
/// gathered at a time (a log of 200,000 exercise names keeps no 200,000 accumulators).
void read_summaries(Store& store, const std::string& exercise_id, LoadUnit unit, HistoryData& data) {
  Accumulator current;
  std::string key;
  auto finish = [&] {
    if (!current.summary.exercise_id.empty()) data.exercises.push_back(current.finish());
    current = Accumulator{};
  };
  each_set(store, exercise_id, "", "exercise_id, date, session, id", [&](LoggedSet& set) {
    if (set.exercise_id != current.summary.exercise_id) {
      finish();
      current.summary.exercise_id = set.exercise_id;
      current.summary.exercise = set.exercise;
    }
    key.assign(set.date).append(1, '\n').append(set.session);
    current.add(set, key, unit);
  });
  finish();
}

}  // namespace

HistoryData read_history(Store& store, const std::string& exercise_id, int limit, LoadUnit unit) {
  HistoryData data;
  if (!store.exists()) return data;
  with_database_errors(store.path(), [&] {
    count_all(store, exercise_id, data);
    read_sessions(store, exercise_id, limit, data);
    read_summaries(store, exercise_id, unit, data);
  });
  // By name as shown, letter case aside, then id, so an exercise is found where a reader looks.
  auto lower = [](const std::string& text) {
    std::string out = text;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  std::vector<std::pair<std::string, std::size_t>> order;
  order.reserve(data.exercises.size());
  for (std::size_t i = 0; i < data.exercises.size(); ++i) order.emplace_back(lower(data.exercises[i].exercise), i);
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return data.exercises[a.second].exercise_id < data.exercises[b.second].exercise_id;
  });
  // Put in that order in place, cycle by cycle: a second vector of 200,000 summaries would
  // double the memory the history takes.
  std::vector<std::size_t> from(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) from[k] = order[k].second;
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i] == i) continue;
    ExerciseSummary held = std::move(data.exercises[i]);
    std::size_t j = i;
    while (from[j] != i) {
      data.exercises[j] = std::move(data.exercises[from[j]]);
      std::size_t next = from[j];
      from[j] = j;
      j = next;
    }
    data.exercises[j] = std::move(held);
    from[j] = j;
  }
  return data;
}

}  // namespace lbtrain::logbook
