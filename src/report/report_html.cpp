// `lbtrain report` as one standalone HTML5 page: the adherence, then a chart and a table per
// main exercise. No script and no external assets; prints on A4 without splitting a chart.

#include "format/escape.hpp"
#include "format/layout.hpp"
#include "lbtrain/report.hpp"
#include "lbtrain/model/version.hpp"
#include "log/logged_set.hpp"
#include "report/report_data.hpp"
#include "report/report_svg.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain {

namespace {

using namespace report;

const char* const report_style = R"css(
:root { color-scheme: light; }
body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #111; background: #fff; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #111; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; }
p { margin: .25rem 0 .5rem; }
.summary, .muted { color: #444; }
figure { margin: .5rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: .85rem; color: #333; margin-top: .2rem; }
svg { display: block; width: 100%; height: auto; }
svg text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: #222; }
svg .panel-title { font-weight: 600; font-size: 12px; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .day { stroke: #f0f0f0; stroke-width: 1; }
svg .axis { stroke: #333; stroke-width: 1; }
svg line.logged, svg polyline.logged { stroke: #1f4e99; stroke-width: 2; fill: none; }
svg line.target, svg polyline.target { stroke: #666; stroke-width: 1.5; stroke-dasharray: 5 4; fill: none; }
svg line.e1rm, svg polyline.e1rm { stroke: #b35900; stroke-width: 1.5; stroke-dasharray: 1.5 3; fill: none; }
svg circle.logged { fill: #1f4e99; stroke: #fff; stroke-width: 1; }
svg circle.target { fill: #fff; stroke: #666; stroke-width: 1.5; }
svg circle.e1rm { fill: #b35900; stroke: none; }
svg line.pain, svg polyline.pain { stroke: #b00020; stroke-width: 2; fill: none; }
svg circle.pain { fill: #b00020; stroke: none; }
svg .done { fill: #1f4e99; }
svg .missed { fill: #fff; stroke: #b00020; stroke-width: 1.5; }
svg .ahead { fill: #e8e8e8; }
table { border-collapse: collapse; margin: .4rem 0 .8rem; font-size: .85rem; }
th, td { border: 1px solid #999; padding: .15rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td.number { text-align: right; }
caption { text-align: left; font-weight: 600; padding-bottom: .2rem; white-space: nowrap; }
section.exercise { break-inside: avoid; page-break-inside: avoid; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { margin-top: 1rem; break-after: avoid; }
  table { font-size: 8.5pt; }
  tr { break-inside: avoid; }
}
)css";

const Session* next_session(const Plan& plan, int* week_number) {
  for (const auto& week : plan.weeks_list)
    for (const auto& session : week.sessions)
      if (session.status == "next") {
        *week_number = week.number;
        return &session;
      }
  return nullptr;
}

/// A row of cells, one a session: done, due but not logged, or ahead.
std::string adherence_svg(const Adherence& a) {
  int planned = std::max(a.sessions_planned, 1);
  int missed = std::clamp(a.sessions_due - a.sessions_logged, 0, planned - std::min(a.sessions_logged, planned));
  double cell = 600.0 / planned;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"adherence\" viewBox=\"0 0 640 44\" role=\"img\" "
      "aria-labelledby=\"adherence-title\" data-planned=\"{}\" data-due=\"{}\" data-logged=\"{}\" data-days-behind=\"{}\">\n"
      "<title id=\"adherence-title\">{} of {} sessions logged, {} due</title>\n",
      a.sessions_planned, a.sessions_due, a.sessions_logged, a.days_behind, a.sessions_logged, a.sessions_planned,
      a.sessions_due);
  for (int i = 0; i < a.sessions_planned; ++i) {
    const char* state = i < a.sessions_logged ? "done" : i < a.sessions_logged + missed ? "missed" : "ahead";
    out += fmt::format("<rect class=\"{}\" x=\"{:.1f}\" y=\"4\" width=\"{:.1f}\" height=\"20\" data-session=\"{}\"/>\n",
                       state, 20 + cell * i + 1, std::max(cell - 2, 1.0), i + 1);
  }
  out += "<rect class=\"done\" x=\"20\" y=\"31\" width=\"10\" height=\"10\"/><text x=\"34\" y=\"40\">logged</text>\n"
         "<rect class=\"missed\" x=\"100\" y=\"31\" width=\"10\" height=\"10\"/><text x=\"114\" y=\"40\">due, not logged</text>\n"
         "<rect class=\"ahead\" x=\"230\" y=\"31\" width=\"10\" height=\"10\"/><text x=\"244\" y=\"40\">ahead</text>\n</svg>\n";
  return out;
}

void adherence_section(std::string& out, const ProgramView& view) {
  const Adherence& a = view.adherence;
  std::string date = iso_date(view.date);
  out += "<section class=\"adherence\" aria-labelledby=\"adherence-heading\">\n<h2 id=\"adherence-heading\">Adherence</h2>\n";
  out += fmt::format("<p class=\"sentence\">{} of {} sessions logged; {} due by {}. ", a.sessions_logged,
                     a.sessions_planned, a.sessions_due, date);
  if (view.complete) out += "Program complete.";
  else if (a.days_behind > 0) out += fmt::format("{} day{} behind.", a.days_behind, a.days_behind == 1 ? "" : "s");
  else out += "On schedule.";
  out += "</p>\n<figure>\n" + adherence_svg(a) + "</figure>\n";
  out += fmt::format("<table class=\"adherence\"><caption>Sessions on {}</caption>\n<tbody>\n"
                     "<tr><th scope=\"row\">Planned</th><td class=\"number\">{}</td></tr>\n"
                     "<tr><th scope=\"row\">Due</th><td class=\"number\">{}</td></tr>\n"
                     "<tr><th scope=\"row\">Logged</th><td class=\"number\">{}</td></tr>\n"
                     "<tr><th scope=\"row\">Days behind</th><td class=\"number\">{}</td></tr>\n</tbody></table>\n",
                     date, a.sessions_planned, a.sessions_due, a.sessions_logged, a.days_behind);
  int week = 0;
  if (const Session* next = next_session(view.plan, &week)) {
    out += fmt::format("<p>Next: week {}, day {}", week, next->day);
    if (next->date) out += " (" + iso_date(*next->date) + ")";
    out += ".</p>\n";
    if (!next->notes.empty()) {
      out += "<ul class=\"notes\">\n";
      for (const auto& note : next->notes) out += "<li>" + html_escape(note.text) + "</li>\n";
      out += "</ul>\n";
    }
  }
  out += "</section>\n";
}

void data_table(std::string& out, const Series& s) {
  out += "<table class=\"data\"><caption>" + html_escape(s.name) + ", session by session</caption>\n<thead><tr>"
         "<th scope=\"col\">Date</th><th scope=\"col\">Week, day</th><th scope=\"col\">Prescribed</th>"
         "<th scope=\"col\">Logged</th>";
  // The estimated 1RM's column only where the rules give one (barbell and dumbbell compound lifts).
  const bool with_e1rm = std::any_of(s.points.begin(), s.points.end(), [](const Point& p) { return p.e1rm.has_value(); });
  if (with_e1rm) out += "<th scope=\"col\">Est. 1RM</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& p : s.points) {
    out += fmt::format("<tr><td>{}</td><td>{}, {}</td><td>{}</td><td>{}</td>", html_escape(p.date), p.week, p.day,
                       html_escape(p.prescribed), html_escape(p.logged));
    if (with_e1rm)
      out += "<td class=\"number\">" + (p.e1rm ? short_number(*p.e1rm, 1) + " " + html_escape(s.unit) : std::string("-")) + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
}

}  // namespace

std::string format_report_html(const ProgramView& view) {
  std::string goals = html_escape(layout::goal_title(view.plan));
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"lbtrain {}\">\n", html_escape(std::string(version())));
  out += "<title>lbtrain progress report: " + goals + "</title>\n<style>" + report_style + "</style>\n</head>\n<body>\n";
  out += "<header>\n<h1>Progress report: " + goals + "</h1>\n";
  out += "<p class=\"summary\">Started " + html_escape(view.started) + ", as of " + iso_date(view.date) + ". " +
         html_escape(layout::plan_summary(view.plan)) + "</p>\n</header>\n";
  adherence_section(out, view);
  std::vector<Series> all = report_series(view.plan, view.estimated_1rm);
  if (all.empty()) out += "<p>No main exercise logged yet: log a session and the charts appear here.</p>\n";
  int index = 0;
  for (const auto& s : all) {
    ++index;
    out += fmt::format("<section class=\"exercise\" aria-labelledby=\"exercise-{}\">\n<h2 id=\"exercise-{}\">{}</h2>\n",
                       index, index, html_escape(s.name));
    out += "<figure>\n" + chart_svg(s, index) + "<figcaption>" + html_escape(chart_description(s)) + "</figcaption>\n</figure>\n";
    data_table(out, s);
    out += "</section>\n";
  }
  const bool any_e1rm = std::any_of(all.begin(), all.end(), [](const Series& s) {
    return std::any_of(s.points.begin(), s.points.end(), [](const Point& p) { return p.e1rm.has_value(); });
  });
  if (!all.empty())
    out += "<p class=\"muted\">Load: the heaviest working set. Reps or seconds: what every working set reached." +
           (any_e1rm ? " Estimated 1RM: " + html_escape(log::e1rm_formula) + "." : std::string()) + "</p>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace lbtrain
