// `lbtrain history` as text: sessions newest first, then each exercise's best set, estimated
// 1RM and trend; or one exercise's best, trend and every set. 80 columns; everything from the
// log is made one line of plain text first.

#include "log/history.hpp"

#include "log/logged_set.hpp"

#include "format/escape.hpp"
#include "format/layout.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <cmath>

namespace lbtrain::logbook {

namespace {

constexpr int width = 80;
constexpr int name_width = 28;

std::string clean(const std::string& text) { return single_line(text); }

std::string exercise_name(const std::string& id, const std::string& name) {
  return clean(name) + (id.rfind("custom:", 0) == 0 ? " *" : "");
}

std::string session_heading(const std::string& date, const std::string& session) {
  std::string label = clean(session_label(session));
  return label.empty() ? date : date + "  " + label;
}

std::string measure_value(double value, Measure measure, LoadUnit unit) {
  switch (measure) {
    case Measure::e1rm: return number_text(rounded(value, 1)) + " " + std::string(to_string(unit));
    case Measure::reps: return number_text(value) + " reps";
    case Measure::seconds: return number_text(value) + " s";
    case Measure::breaths: return number_text(value) + " breaths";
  }
  return number_text(value);
}

std::string measure_label(Measure measure) {
  switch (measure) {
    case Measure::e1rm: return "estimated 1RM";
    case Measure::reps: return "reps in a set";
    case Measure::seconds: return "seconds held";
    case Measure::breaths: return "breaths";
  }
  return "";
}

std::string shown_sessions(const HistoryData& data, const HistoryView& view) {
  if (view.limit == 0 || data.total_sessions <= static_cast<std::size_t>(view.limit)) {
    return "newest first";
  }
  return fmt::format("the last {} of {}, newest first (--limit 0 shows all)", data.sessions.size(), data.total_sessions);
}

std::string sessions_text(const HistoryData& data) {
  std::string out;
  for (const auto& session : data.sessions) {
    out += session_heading(session.date, session.session) + "\n";
    for (const auto& work : session.exercises) {
      std::string name = layout::pad(layout::truncate(exercise_name(work.exercise_id, work.exercise), name_width), name_width);
      out += layout::wrap(clean(sets_text(work.sets)), width, "  " + name + "  ", std::string(name_width + 4, ' '));
    }
  }
  return out;
}

std::string summary_table(const HistoryData& data, const HistoryView& view) {
  std::string out = layout::wrap(fmt::format("Best sets, warm-ups left out. e1RM: the estimated one-repetition maximum "
                                             "in {} ({}); trend: each session's best over the last {} sessions.",
                                             to_string(view.unit), e1rm_formula, trend_sessions),
                                 width, "", "");
  // exercise 25, best set 23 (the longest: "100 @ 2204.6 lb, RIR 10"), e1RM 6, trend the rest; a
  // longer name gets a line of its own rather than losing its end.
  constexpr int name_column = 25, best_column = 23;
  out += fmt::format("  {} {} {:>6}  {}\n", layout::pad("exercise", name_column), layout::pad("best set", best_column), "e1RM",
                     "trend");
  bool custom = false;
  for (const auto& e : data.exercises) {
    custom = custom || e.exercise_id.rfind("custom:", 0) == 0;
    std::string name = clean(exercise_name(e.exercise_id, e.exercise));
    std::string best = e.best ? clean(set_text(*e.best)) : "warm-ups only";
    std::string e1rm = e.e1rm ? number_text(rounded(*e.e1rm, 1)) : "-";
    if (layout::display_width(name) > name_column) {
      out += layout::wrap(name, width, "  ", "    ");
      name.clear();
    }
    // The columns keep their padding; a long trend (or best set) wraps under the trend column.
    std::string columns = fmt::format("  {} {} {:>6}  ", layout::pad(name, name_column), layout::pad(best, best_column), e1rm);
    int trend_at = std::min(layout::display_width(columns), width - 20);
    out += layout::wrap(trend_text(e.trend), width, columns, std::string(static_cast<std::size_t>(trend_at), ' '));
  }
  if (custom) out += "* not in the catalogue: imported under a custom id\n";
  return out;
}

std::string all_text(const HistoryData& data, const HistoryView& view) {
  std::string out = layout::wrap(fmt::format("Training log {}: {} session{}, {} set{}.", clean(view.path), data.total_sessions,
                                             data.total_sessions == 1 ? "" : "s", data.total_sets,
                                             data.total_sets == 1 ? "" : "s"),
                                 width, "", "");
  out += fmt::format("Sessions, {}:\n\n", shown_sessions(data, view));
  out += sessions_text(data) + "\n" + summary_table(data, view);
  return out;
}

std::string set_line(const LoggedSet& set) {
  std::string text = fmt::format("  set {:<3} {}", set.set_number, clean(set_text(set)));
  if (set.warmup) text += "  (warm-up)";
  if (!set.note.empty()) text += "  - " + clean(set.note);
  return layout::truncate(text, width) + "\n";
}

std::string one_text(const HistoryData& data, const HistoryView& view) {
  const ExerciseSummary& e = data.exercises.front();
  std::string out = layout::wrap(fmt::format("{} ({}): {} session{}, {} set{} in the training log {}.",
                                             exercise_name(e.exercise_id, e.exercise), clean(e.exercise_id), e.sessions,
                                             e.sessions == 1 ? "" : "s", e.sets, e.sets == 1 ? "" : "s", clean(view.path)),
                                 width, "", "");
  if (e.best) {
    std::string e1rm = e.e1rm ? fmt::format(": estimated 1RM {}", measure_value(*e.e1rm, Measure::e1rm, view.unit)) : "";
    out += layout::wrap(fmt::format("Best set: {} on {}{}.", clean(set_text(*e.best)), e.best->date, e1rm), width, "", "");
    if (e.e1rm) out += layout::wrap(fmt::format("Estimated 1RM: {}.", e1rm_formula), width, "", "  ");
    out += fmt::format("\nTrend, each session's best ({}), warm-ups left out:\n", measure_label(e.measure));
    for (const auto& p : e.trend) {
      out += fmt::format("  {}  {}\n", layout::pad(session_heading(p.date, p.session), 30),
                         measure_value(p.value, e.measure, view.unit));
    }
    out += fmt::format("  {}\n", trend_text(e.trend));
  } else {
    out += "Warm-up sets only: no best set or trend.\n";
  }
  out += fmt::format("\nSets, {}:\n", shown_sessions(data, view));
  for (const auto& session : data.sessions) {
    std::optional<int> pain;  // the worst back pain logged with the session's sets
    for (const auto& set : session.exercises.front().sets) {
      if (set.pain) pain = std::max(pain.value_or(0), *set.pain);
    }
    out += session_heading(session.date, session.session) + (pain ? fmt::format("  back pain {}/10", *pain) : "") + "\n";
    for (const auto& set : session.exercises.front().sets) out += set_line(set);
  }
  return out;
}

}  // namespace

double rounded(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

std::string trend_text(const std::vector<TrendPoint>& trend) {
  if (trend.size() < 2) return "-";
  double first = trend.front().value;
  double last = trend.back().value;
  std::string over = fmt::format("in {} sessions", trend.size());
  if (first <= 0) return over;
  double percent = rounded((last - first) / first * 100, 0);
  if (percent == 0) return "flat " + over;
  return fmt::format("{} {}% {}", percent > 0 ? "up" : "down", number_text(std::fabs(percent)), over);
}

std::string history_text(const HistoryData& data, const HistoryView& view) {
  if (data.total_sets == 0) {
    std::string what = view.exercise_id.empty() ? "Nothing" : "No set of " + clean(view.exercise);
    return layout::wrap(fmt::format("{} logged yet in the training log {}. Log a set with: lbtrain log back-extension "
                                    "3x12@20kg",
                                    what, clean(view.path)),
                        width, "", "");
  }
  return view.exercise_id.empty() ? all_text(data, view) : one_text(data, view);
}

}  // namespace lbtrain::logbook
