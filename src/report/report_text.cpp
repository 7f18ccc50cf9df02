// `lbtrain report` as text for a terminal: the adherence, then per main exercise its first and
// last session as logged, its best estimated 1RM and its trend. Every string from the data
// passes through single_line, so nothing in a name or unit can move the cursor or recolour.

#include "format/escape.hpp"
#include "format/layout.hpp"
#include "lbtrain/report.hpp"
#include "report/report_data.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain {

namespace {

using namespace report;

std::string signed_number(double value, int decimals) {
  std::string n = short_number(value, decimals);
  return value > 0 && n != "0" ? "+" + n : n;
}

std::string point_line(const Point& p) {
  return single_line(p.date) + ": " + single_line(p.logged) + "; prescribed " + single_line(p.prescribed);
}

std::string trend_text(const Series& s) {
  if (s.points.size() < 2) return "one session so far";
  const Point& a = s.points.front();
  const Point& b = s.points.back();
  std::string unit = single_line(s.unit);
  std::vector<std::string> parts;
  if (a.load && b.load) {
    double d = *b.load - *a.load;
    parts.push_back(short_number(d, 2) == "0" ? "load unchanged at " + short_number(*b.load) + " " + unit
                                             : "load " + signed_number(d, 2) + " " + unit);
  }
  int dc = b.count - a.count;
  std::string count(count_name(s.kind));
  parts.push_back(dc == 0 ? count + " unchanged" : count + " " + signed_number(dc, 0));
  if (a.e1rm && b.e1rm) parts.push_back("estimated 1RM " + signed_number(*b.e1rm - *a.e1rm, 1) + " " + unit);
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

void exercise_text(std::string& out, const Series& s, const TextStyle& style) {
  std::string name = single_line(s.name);
  out += "\n" + (style.color ? "\x1b[1m" + name + "\x1b[0m\n" : layout::wrap(name, style.width, "", ""));
  out += layout::wrap(point_line(s.points.front()), style.width, "  First  ", "         ");
  if (s.points.size() > 1) out += layout::wrap(point_line(s.points.back()), style.width, "  Last   ", "         ");
  const Point* best = nullptr;
  for (const auto& p : s.points)
    if (p.e1rm && (!best || *p.e1rm > *best->e1rm)) best = &p;
  if (best)
    out += layout::wrap(fmt::format("{} {} ({})", short_number(*best->e1rm, 1), single_line(s.unit), single_line(best->date)),
                        style.width, "  Best estimated 1RM: ", "    ");
  out += layout::wrap(trend_text(s), style.width, "  Trend: ", "    ");
}

std::string adherence_text(const ProgramView& view) {
  const Adherence& a = view.adherence;
  std::string text = fmt::format("Sessions: {} of {} logged, {} due by {}; ", a.sessions_logged, a.sessions_planned,
                                 a.sessions_due, iso_date(view.date));
  if (view.complete) return text + "program complete.";
  if (a.days_behind > 0) return text + fmt::format("{} day{} behind.", a.days_behind, a.days_behind == 1 ? "" : "s");
  return text + "on schedule.";
}

}  // namespace

std::string format_report_text(const ProgramView& view, const TextStyle& style) {
  TextStyle s = style;
  s.width = std::max(s.width, 30);
  std::string out = layout::wrap("Progress report: " + layout::goal_title(view.plan), s.width, "", "  ");
  out += layout::wrap("Started " + single_line(view.started) + ", as of " + iso_date(view.date) + ".", s.width, "", "  ");
  out += layout::wrap(adherence_text(view), s.width, "", "  ");
  for (const auto& week : view.plan.weeks_list)
    for (const auto& session : week.sessions)
      if (session.status == "next") {
        std::string next = fmt::format("Next: week {}, day {}", week.number, session.day);
        if (session.date) next += " (" + iso_date(*session.date) + ")";
        out += layout::wrap(next + ".", s.width, "", "  ");
      }
  std::vector<Series> all = report_series(view.plan, view.estimated_1rm);
  if (all.empty()) out += "\nNo main exercise logged yet.\n";
  for (const auto& series : all) exercise_text(out, series, s);
  return out;
}

}  // namespace lbtrain
