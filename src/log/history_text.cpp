// `lbtrain history` as text: sessions newest first, then each exercise's best set, estimated
// 1RM and trend; or one exercise's best, trend and every set. 80 columns; everything from the
// log is made one line of plain text first.

#include "log/history.hpp"

#include "log/logged_set.hpp"

#include "format/escape.hpp"
#include "format/layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include <cmath>

namespace lbtrain::log {

namespace {

constexpr int width = 80;
constexpr int name_width = 28;

std::string clean(const std::string& text) { return single_line(text); }

std::string exercise_name(const std::string& id, const std::string& name) {
  return clean(name) + (id.rfind("custom:", 0) == 0 ? " *" : "");
}

/// Whether every word of the id is a word of the name ("deadlift" of "Deadlift (barbell)"): then
/// the id would only repeat the name. A custom id says the exercise is not the catalogue's.
bool id_repeats_name(const std::string& id, const std::string& name) {
  if (id.rfind("custom:", 0) == 0) return false;
  auto words = [](const std::string& text) {
    std::vector<std::string> out(1);
    for (char c : text) {
      if (std::isalnum(static_cast<unsigned char>(c))) out.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else if (c != '\'' && !out.back().empty()) out.emplace_back();  // "Child's pose": childs
    }
    if (out.back().empty()) out.pop_back();
    return out;
  };
  const auto of_name = words(name);
  for (const auto& w : words(id)) {
    if (std::find(of_name.begin(), of_name.end(), w) == of_name.end()) return false;
  }
  return true;
}

/// "Deadlift (barbell)", "Pallof press (cable)", "Cable crunch * (custom:cable-crunch)": the id
/// only when it says something the name does not.
std::string named_once(const std::string& id, const std::string& name) {
  std::string text = exercise_name(id, name);
  return id_repeats_name(id, name) ? text : text + " (" + clean(id) + ")";
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

/// A cell of a table row: its text wrapped to its column, or right-aligned on one line.
struct Cell {
  std::string text;
  int width;
  bool right = false;
};

/// `text` word-wrapped to `width` columns, one string a line.
std::vector<std::string> cell_lines(const Cell& cell) {
  if (cell.right) return {fmt::format("{:>{}}", cell.text, cell.width)};
  std::vector<std::string> lines;
  const std::string wrapped = layout::wrap(cell.text, cell.width, "", "");
  std::size_t start = 0;
  for (std::size_t end = wrapped.find('\n'); end != std::string::npos; end = wrapped.find('\n', start)) {
    lines.push_back(wrapped.substr(start, end - start));
    start = end + 1;
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

/// One row of a table: "  " and the cells `gap` spaces apart, each wrapped inside its column (a
/// long name goes on under itself, the other columns keep their places); no trailing spaces.
std::string table_row(const std::vector<Cell>& cells, const std::vector<int>& gaps) {
  std::vector<std::vector<std::string>> lines;
  std::size_t height = 0;
  for (const auto& cell : cells) {
    lines.push_back(cell_lines(cell));
    height = std::max(height, lines.back().size());
  }
  std::string out;
  for (std::size_t row = 0; row < height; ++row) {
    std::string line = "  ";
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) line += std::string(static_cast<std::size_t>(gaps[c - 1]), ' ');
      line += layout::pad(row < lines[c].size() ? lines[c][row] : "", cells[c].width);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  return out;
}

std::string sessions_text(const HistoryData& data) {
  constexpr int sets_width = width - name_width - 4;
  std::string out;
  for (const auto& session : data.sessions) {
    out += session_heading(session.date, session.session) + "\n";
    for (const auto& work : session.exercises) {
      out += table_row({{exercise_name(work.exercise_id, work.exercise), name_width}, {clean(sets_text(work.sets)), sets_width}},
                       {2});
    }
  }
  return out;
}

/// The table of every exercise's best set, e1RM and trend, added to `out` row by row (a log of
/// 200,000 names: the rows are the memory the table takes, no copy of it is made).
void add_summary_table(const HistoryData& data, const HistoryView& view, std::string& out) {
  out += layout::wrap(fmt::format("Best sets, warm-ups left out. e1RM: the estimated one-repetition maximum "
                                  "in {}, for barbell and dumbbell compound lifts (how: lbtrain history --help); trend: "
                                  "each session's best over the last {} sessions.",
                                  to_string(view.unit), trend_sessions),
                      width, "", "");
  // exercise 25, best set 23 (the longest: "100 @ 2204.6 lb, RIR 10"), e1RM 6, trend the rest;
  // a longer name or trend wraps inside its column.
  constexpr int name_column = 25, best_column = 23, e1rm_column = 6;
  constexpr int trend_column = width - 2 - name_column - 1 - best_column - 1 - e1rm_column - 2;
  const std::vector<int> gaps{1, 1, 2};
  out += table_row({{"exercise", name_column}, {"best set", best_column}, {"e1RM", e1rm_column, true}, {"trend", trend_column}},
                   gaps);
  bool custom = false;
  data.each_exercise([&](const ExerciseSummary& e) {
    custom = custom || e.exercise_id.rfind("custom:", 0) == 0;
    std::string best = e.best ? clean(set_text(*e.best)) : "warm-ups only";
    std::string e1rm = e.e1rm ? number_text(rounded(*e.e1rm, 1)) : "-";
    out += table_row({{clean(exercise_name(e.exercise_id, e.exercise)), name_column},
                      {best, best_column},
                      {e1rm, e1rm_column, true},
                      {trend_text(e.trend), trend_column}},
                     gaps);
  });
  if (custom) out += "* not in the catalogue: imported under a custom id\n";
}

/// " Estimated 1RMs and trends in lb, ...": the unit the history compares loads in, and why;
/// "" when no estimated 1RM is shown.
std::string unit_sentence(const HistoryView& view, bool shown) {
  if (!shown) return "";
  const std::string_view unit = to_string(view.unit), other = view.unit == LoadUnit::kg ? "lb" : "kg";
  switch (view.unit_from) {
    case UnitFrom::option: return fmt::format(" Estimated 1RMs and trends in {}, as --unit asks.", unit);
    case UnitFrom::log:
      return fmt::format(" Estimated 1RMs and trends in {}, the unit most of its loads were logged in (--unit {} "
                         "changes it).",
                         unit, other);
    case UnitFrom::setting: break;
  }
  return fmt::format(" Estimated 1RMs and trends in {} (--unit {} changes it).", unit, other);
}

std::string all_text(const HistoryData& data, const HistoryView& view) {
  const bool e1rm = data.any_e1rm;
  std::string out = layout::wrap(fmt::format("Training log {}: {} session{}, {} set{}.{}", clean(view.path), data.total_sessions,
                                             data.total_sessions == 1 ? "" : "s", data.total_sets,
                                             data.total_sets == 1 ? "" : "s", unit_sentence(view, e1rm)),
                                 width, "", "");
  out += fmt::format("Sessions, {}:\n\n", shown_sessions(data, view));
  out += sessions_text(data) + "\n";
  add_summary_table(data, view, out);
  return out;
}

std::string set_line(const LoggedSet& set) {
  std::string text = fmt::format("  set {:<3} {}", set.set_number, clean(set_text(set)));
  if (set.warmup) text += "  (warm-up)";
  if (!set.note.empty()) text += "  - " + clean(set.note);
  return layout::truncate(text, width) + "\n";
}

std::string one_text(const HistoryData& data, const HistoryView& view) {
  ExerciseSummary e;  // the one exercise's
  data.each_exercise([&](const ExerciseSummary& summary) { e = summary; });
  std::string out = layout::wrap(fmt::format("{}: {} session{}, {} set{} in the training log {}.{}",
                                             named_once(e.exercise_id, e.exercise), e.sessions,
                                             e.sessions == 1 ? "" : "s", e.sets, e.sets == 1 ? "" : "s", clean(view.path),
                                             unit_sentence(view, e.e1rm.has_value())),
                                 width, "", "");
  if (e.best) {
    std::string e1rm = e.e1rm ? fmt::format(": estimated 1RM {}", measure_value(*e.e1rm, Measure::e1rm, view.unit)) : "";
    out += layout::wrap(fmt::format("Best set: {} on {}{}.", clean(set_text(*e.best)), e.best->date, e1rm), width, "", "");
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

}  // namespace lbtrain::log
