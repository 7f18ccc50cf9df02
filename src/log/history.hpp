#pragma once
// What `lbtrain history` shows: the sessions, newest first, and for each exercise its best set,
// its estimated 1RM and the trend over its last sessions. Read from the log in one pass.

#include "lbtrain/log.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lbtrain::log {

class Store;

/// One exercise's sets in one session.
struct ExerciseWork {
  std::string exercise_id;
  std::string exercise;
  std::vector<LoggedSet> sets;
};

/// One session: a date, and for imports the workout ("strong 17:30:00").
struct SessionWork {
  std::string date;
  std::string session;
  std::vector<ExerciseWork> exercises;
};

/// What an exercise's best set and trend are measured in: the estimated 1RM of loaded rep sets,
/// else reps, else seconds, else breaths.
enum class Measure { e1rm, reps, seconds, breaths };

/// "e1rm", "reps", "seconds", "breaths".
std::string_view to_string(Measure measure);

/// A session's best for an exercise.
struct TrendPoint {
  std::string date;
  std::string session;
  double value = 0;
};

/// An exercise over the whole log (warm-up sets left out of best and trend).
struct ExerciseSummary {
  std::string exercise_id;
  std::string exercise;
  std::size_t sessions = 0;
  std::size_t sets = 0;
  std::string last_date;
  Measure measure = Measure::reps;
  std::optional<LoggedSet> best;  ///< the best working set by the measure
  std::optional<double> e1rm;     ///< the best set's estimated 1RM, in the history's unit
  std::vector<TrendPoint> trend;  ///< each of the last sessions' best, oldest first
};

/// How many sessions a trend spans.
inline constexpr std::size_t trend_sessions = 8;

struct HistoryData {
  std::size_t total_sessions = 0;
  std::size_t total_sets = 0;
  bool any_e1rm = false;              ///< whether some exercise has an estimated 1RM
  std::vector<SessionWork> sessions;  ///< newest first, at most the limit
  /// Calls its argument with each exercise's summary in turn, by name, letter case aside, then
  /// id: each read from the log as it is shown (one query, grouped in SQL), none kept, so a log
  /// of 200,000 exercise names holds no 200,000 summaries. It reads the Store read_history was
  /// given, which must outlive it.
  std::function<void(const std::function<void(const ExerciseSummary&)>&)> each_exercise;
};

/// Reads the history of every exercise, or of one (`exercise_id`); `limit` sessions (0: all).
/// The exercises' summaries are read when each_exercise is called.
HistoryData read_history(Store& store, const std::string& exercise_id, int limit, LoadUnit unit);

/// The unit most of the log's loads were logged in; nullopt when it holds no load, or as many in
/// kg as in lb.
std::optional<LoadUnit> usual_unit(Store& store);

/// Where a history's unit comes from: --unit, the log's usual unit, or the unit setting.
enum class UnitFrom { option, log, setting };

/// How a history is shown: of which log, which exercise, how many sessions, in which unit.
struct HistoryView {
  std::string path;
  std::string exercise_id;  ///< "" for every exercise
  std::string exercise;
  int limit = 10;
  LoadUnit unit = LoadUnit::kg;
  UnitFrom unit_from = UnitFrom::setting;
};

/// The history as text for a terminal, at most 80 columns.
std::string history_text(const HistoryData& data, const HistoryView& view);

/// "up 8% in 6 sessions", "flat in 4 sessions", "-" with fewer than two sessions.
std::string trend_text(const std::vector<TrendPoint>& trend);

/// A value rounded to `decimals` places.
double rounded(double value, int decimals);

/// A session's best by `measure` among working sets; nullopt when it has none of that kind.
std::optional<double> session_best(const std::vector<LoggedSet>& sets, Measure measure, LoadUnit unit);

}  // namespace lbtrain::log
