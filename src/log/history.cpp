#include "log/history.hpp"

#include "log/logged_set.hpp"
#include "log/store.hpp"

#include "lbtrain/data_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
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
  // Pointers: most of the four stay empty, and a log of 200,000 exercise names keeps 200,000 of
  // these.
  std::array<std::unique_ptr<LoggedSet>, 4> best;
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
        if (best[m]) *best[m] = set;
        else best[m] = std::make_unique<LoggedSet>(set);
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

HistoryData read_history(Store& store, const std::string& exercise_id, int limit, LoadUnit unit) {
  HistoryData data;
  if (!store.exists()) return data;
  std::deque<SessionWork> recent;
  std::unordered_map<std::string, Accumulator> exercises;
  with_database_errors(store.path(), [&] {
    std::string where = exercise_id.empty() ? "" : "WHERE exercise_id = ? ";
    SQLite::Statement rows(store.db(), fmt::format("SELECT {} FROM sets {}ORDER BY date, session, id", set_columns, where));
    if (!exercise_id.empty()) rows.bind(1, exercise_id);
    std::string key;
    std::unordered_map<std::string, std::size_t> session_index;
    while (rows.executeStep()) {
      LoggedSet set = read_set(rows);
      ++data.total_sets;
      std::string set_key = set.date + '\n' + set.session;
      if (set_key != key) {
        key = set_key;
        ++data.total_sessions;
        recent.push_back({set.date, set.session, {}});
        session_index.clear();
        if (limit > 0 && recent.size() > static_cast<std::size_t>(limit)) recent.pop_front();
      }
      // An exercise of the catalogue goes by the catalogue's name, whatever an app called it.
      if (const Exercise* known = builtin_catalogue().find(set.exercise_id)) set.exercise = known->name;
      auto [it, added] = exercises.try_emplace(set.exercise_id);
      if (added) {
        it->second.summary.exercise_id = set.exercise_id;
        it->second.summary.exercise = set.exercise;
      }
      it->second.add(set, key, unit);
      add_to_session(recent.back(), set, session_index);
    }
  });
  data.sessions.assign(recent.rbegin(), recent.rend());
  for (auto& [id, accumulator] : exercises) data.exercises.push_back(accumulator.finish());
  // By name as shown, letter case aside, so an exercise is found where a reader looks for it.
  auto lower = [](const std::string& text) {
    std::string out = text;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  std::vector<std::pair<std::string, ExerciseSummary>> named;
  for (auto& e : data.exercises) named.emplace_back(lower(e.exercise), std::move(e));
  std::sort(named.begin(), named.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.second.exercise_id < b.second.exercise_id;
  });
  for (std::size_t i = 0; i < named.size(); ++i) data.exercises[i] = std::move(named[i].second);
  return data;
}

}  // namespace lbtrain::logbook
