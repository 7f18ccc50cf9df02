#pragma once
// The report's numbers: for each main exercise of a program, the sessions done, as logged and
// as prescribed, in one unit. The charts, tables and text summary are drawn from these alone.

#include "lbtrain/model/plan.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain::report {

/// One done session of one exercise: what was logged and what was prescribed.
struct Point {
  std::string date;             ///< YYYY-MM-DD, as logged
  int week = 0;
  int day = 0;
  std::vector<int> counts;      ///< each working set's reps, seconds or breaths
  int count = 0;                ///< the fewest of them: what every set reached
  std::optional<double> load;   ///< the heaviest working set's load, in the series' unit; none: bodyweight
  std::optional<double> e1rm;   ///< the best estimated 1RM of the session's sets, in the series' unit
  std::optional<int> pain;      ///< the worst back pain logged with the session's sets, 0 to 10
  std::string logged;           ///< the sets as one line: "3 x 12 @ 20 kg, RIR 4" (raw data text)
  int target_sets = 0;
  int target_count = 0;
  std::optional<double> target_load;  ///< in the series' unit; none when the program gave no number
  std::string prescribed;             ///< "3 x 12 @ 20 kg" (raw data text)
};

/// One main exercise's done sessions, in date order.
struct Series {
  std::string id;
  std::string name;  ///< raw data text: every format escapes it
  DoseKind kind = DoseKind::reps;
  bool per_side = false;
  bool loaded = false;  ///< a load was logged or prescribed: load and estimated 1RM are charted
  std::string unit;     ///< "kg" or "lb" when loaded: every load of the series is in it
  std::vector<Point> points;
};

/// The series of every main exercise with at least one logged session, in the order the
/// program first names them.
/// `estimated_1rm`: the exercises whose estimated 1RM is drawn (the others have none).
std::vector<Series> report_series(const Plan& plan, const std::set<std::string>& estimated_1rm);

/// A number with at most `decimals` decimals, trailing zeros dropped: "20", "22.5", "30.67".
/// Locale-independent.
std::string short_number(double value, int decimals = 2);

/// "Nov 23" for "2026-11-23" (English month names, whatever the locale); the text itself when
/// it is not a date.
std::string short_date(std::string_view iso);

/// "reps", "seconds" or "breaths": the data-* attribute and axis name of a count.
std::string_view count_name(DoseKind kind);

}  // namespace lbtrain::report
