// The report's charts, drawn by hand: a panel for the load (as logged, as prescribed, and the
// estimated 1RM) when the exercise is loaded, and a panel for the reps or seconds; dates along
// the bottom. Coordinates are numbers with one decimal, so the same series gives the same bytes.

#include "report/report_svg.hpp"

#include "format/escape.hpp"
#include "log/logged_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace lbtrain::report {

namespace {

constexpr double chart_width = 640;
constexpr double left = 56;     // room for the value labels
constexpr double right = 16;
constexpr double head = 30;     // a panel's title and legend
constexpr double plot_height = 130;
constexpr double gap = 14;
constexpr double foot = 26;     // the dates
constexpr double inset = 24;    // keeps the first and last points off the axes

std::string esc(const std::string& text) { return html_escape(text); }
std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}
std::string num(double value) { return fmt::format("{:.1f}", value); }

/// A point of one line: where it goes, its data-* attributes and its tooltip.
struct Mark {
  const Point* point;
  double value;
  std::string attributes;
};

/// One line of a panel: "logged", "target" or "e1rm" (its CSS class and dash pattern).
struct Line {
  std::string css;
  std::string label;
  std::vector<Mark> marks;
};

struct Panel {
  std::string title;
  bool integer = false;
  std::vector<Line> lines;
  std::optional<Axis> axis;  ///< a fixed scale (pain: 0 to 10), else one from the values
};

std::string sets_list(const std::vector<int>& counts) {
  std::string out;
  for (int c : counts) out += (out.empty() ? "" : ",") + std::to_string(c);
  return out;
}

std::string logged_attributes(const std::string& series, const Series& s, const Point& p) {
  std::string count = std::string(count_name(s.kind));
  std::string out = fmt::format(" data-series=\"{}\" data-date=\"{}\"", series, esc(p.date));
  if (series == "load") out += fmt::format(" data-load=\"{}\" data-unit=\"{}\"", short_number(*p.load), esc(s.unit));
  if (series == "e1rm") return out + fmt::format(" data-e1rm=\"{}\" data-unit=\"{}\"", short_number(*p.e1rm), esc(s.unit));
  return out + fmt::format(" data-{}=\"{}\" data-sets=\"{}\"", count, p.count, sets_list(p.counts));
}

std::string target_attributes(const std::string& series, const Series& s, const Point& p) {
  std::string out = fmt::format(" data-series=\"{}\" data-date=\"{}\"", series, esc(p.date));
  if (series == "target-load")
    out += fmt::format(" data-load=\"{}\" data-unit=\"{}\"", short_number(*p.target_load), esc(s.unit));
  return out + fmt::format(" data-{}=\"{}\" data-sets=\"{}\"", count_name(s.kind), p.target_count, p.target_sets);
}

Panel load_panel(const Series& s) {
  Panel panel{fmt::format("Load ({})", s.unit), false, {}, std::nullopt};
  Line logged{"logged", "as logged", {}}, target{"target", "prescribed", {}}, e1rm{"e1rm", "estimated 1RM", {}};
  for (const auto& p : s.points) {
    if (p.load) logged.marks.push_back({&p, *p.load, logged_attributes("load", s, p)});
    if (p.target_load) target.marks.push_back({&p, *p.target_load, target_attributes("target-load", s, p)});
    if (p.e1rm) e1rm.marks.push_back({&p, *p.e1rm, logged_attributes("e1rm", s, p)});
  }
  for (auto* line : {&logged, &target, &e1rm})
    if (!line->marks.empty()) panel.lines.push_back(std::move(*line));
  return panel;
}

Panel count_panel(const Series& s) {
  std::string name(count_name(s.kind));
  Panel panel{capitalised(name) + (s.per_side ? " per side" : ""), true, {}, std::nullopt};
  Line logged{"logged", "as logged", {}}, target{"target", "prescribed", {}};
  for (const auto& p : s.points) {
    logged.marks.push_back({&p, double(p.count), logged_attributes(name, s, p)});
    target.marks.push_back({&p, double(p.target_count), target_attributes("target-" + name, s, p)});
  }
  panel.lines.push_back(std::move(logged));
  panel.lines.push_back(std::move(target));
  return panel;
}

/// Back pain as logged, on its own 0-10 scale, so a physical therapist reads it beside the load.
Panel pain_panel(const Series& s) {
  Panel panel{"Back pain (0-10)", true, {}, Axis{0, 10, 2}};
  Line pain{"pain", "during the sets", {}};
  for (const auto& p : s.points) {
    if (p.pain) {
      pain.marks.push_back({&p, double(*p.pain), fmt::format(" data-series=\"pain\" data-date=\"{}\" data-pain=\"{}\"",
                                                           esc(p.date), *p.pain)});
    }
  }
  panel.lines.push_back(std::move(pain));
  return panel;
}

/// Days from the first point's date: the x of each point.
struct Timeline {
  long first = 0;
  long last = 0;
  double x(const std::string& date) const {
    auto d = parse_iso_date(date);
    double span = double(last - first);
    double plot = chart_width - left - right - 2 * inset;
    if (!d || span <= 0) return left + inset + plot / 2;
    return left + inset + plot * double(d->time_since_epoch().count() - first) / span;
  }
};

Timeline timeline(const Series& s) {
  Timeline t;
  bool any = false;
  for (const auto& p : s.points)
    if (auto d = parse_iso_date(p.date)) {
      long day = d->time_since_epoch().count();
      if (!any || day < t.first) t.first = day;
      if (!any || day > t.last) t.last = day;
      any = true;
    }
  return t;
}

std::string tooltip(const Series& s, const Line& line, const Mark& m) {
  const Point& p = *m.point;
  if (line.css == "e1rm") return fmt::format("{}: estimated 1RM {} {}", p.date, short_number(m.value, 1), s.unit);
  if (line.css == "target") return fmt::format("{}: prescribed {}", p.date, p.prescribed);
  if (line.css == "pain") return fmt::format("{}: back pain {}/10", p.date, *p.pain);
  return fmt::format("{}: logged {}", p.date, p.logged);
}

void draw_panel(std::string& out, const Series& s, const Panel& panel, const Timeline& t, double top) {
  double lo = 1e300, hi = -1e300;
  for (const auto& line : panel.lines)
    for (const auto& m : line.marks) lo = std::min(lo, m.value), hi = std::max(hi, m.value);
  Axis axis = panel.axis ? *panel.axis : nice_axis(lo, hi, panel.integer);
  double plot_top = top + head, bottom = plot_top + plot_height;
  auto y = [&](double v) { return bottom - (v - axis.lo) / (axis.hi - axis.lo) * plot_height; };
  out += fmt::format("<g class=\"panel\">\n<text class=\"panel-title\" x=\"{}\" y=\"{}\">{}</text>\n", num(left),
                     num(top + 14), esc(panel.title));
  double legend_x = chart_width - right - 130.0 * double(panel.lines.size());
  for (const auto& line : panel.lines) {
    out += fmt::format("<line class=\"{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text class=\"legend\" x=\"{}\" y=\"{}\">{}</text>\n",
                       line.css, num(legend_x), num(top + 10), num(legend_x + 22), num(top + 10), num(legend_x + 27),
                       num(top + 14), esc(line.label));
    legend_x += 130;
  }
  for (double v : axis_ticks(axis))
    out += fmt::format("<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                       num(left), num(y(v)), num(chart_width - right), num(y(v)), num(left - 6), num(y(v) + 4),
                       short_number(v));
  out += fmt::format("<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/><line class=\"axis\" x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/>\n",
                     num(left), num(plot_top), num(bottom), num(chart_width - right));
  std::string last_date;
  for (const auto& p : s.points) {
    if (p.date == last_date) continue;
    last_date = p.date;
    out += fmt::format("<line class=\"day\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", num(t.x(p.date)),
                       num(plot_top), num(bottom + 4));
  }
  // Drawn last to first, so the points as logged lie on top of the prescription's rings.
  for (auto it = panel.lines.rbegin(); it != panel.lines.rend(); ++it) {
    const Line& line = *it;
    if (line.marks.size() > 1) {
      out += "<polyline class=\"" + line.css + "\" points=\"";
      for (std::size_t i = 0; i < line.marks.size(); ++i)
        out += fmt::format("{}{},{}", i ? " " : "", num(t.x(line.marks[i].point->date)), num(y(line.marks[i].value)));
      out += "\"/>\n";
    }
    for (const auto& m : line.marks)
      out += fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\"{}><title>{}</title></circle>\n", line.css,
                         num(t.x(m.point->date)), num(y(m.value)), line.css == "target" ? "5" : line.css == "logged" ? "3.5" : "3", m.attributes,
                         esc(tooltip(s, line, m)));
  }
  out += "</g>\n";
}

/// The dates under the last panel, each left out that would crowd the one before.
void draw_dates(std::string& out, const Series& s, const Timeline& t, double bottom) {
  double last_label = -1e9;
  std::string last_date;
  for (const auto& p : s.points) {
    if (p.date == last_date) continue;
    last_date = p.date;
    double x = t.x(p.date);
    if (x - last_label < 46) continue;
    last_label = x;
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", num(x), num(bottom + 17),
                       esc(short_date(p.date)));
  }
}

std::string range_text(double first, double last, const std::string& unit) {
  std::string u = unit.empty() ? "" : " " + unit;
  if (short_number(first, 1) == short_number(last, 1)) return "at " + short_number(first, 1) + u;
  return "from " + short_number(first, 1) + u + " to " + short_number(last, 1) + u;
}

}  // namespace

Axis nice_axis(double lo, double hi, bool integer) {
  if (lo > hi) std::swap(lo, hi);
  double span = hi - lo;
  double raw = span > 0 ? span / 4 : std::max(std::abs(hi) * 0.1, 1.0);
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / magnitude;
  double step = magnitude * (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10);
  if (integer) step = std::max(1.0, std::ceil(step));
  // A step beyond the values when they fall on a tick, so no point lies on an axis.
  Axis axis{std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
  if (axis.lo >= lo - step / 100) axis.lo -= step;
  if (axis.hi <= hi + step / 100) axis.hi += step;
  if (axis.lo < 0 && lo >= 0) axis.lo = 0;
  return axis;
}

std::vector<double> axis_ticks(const Axis& axis) {
  std::vector<double> ticks;
  int n = static_cast<int>(std::lround((axis.hi - axis.lo) / axis.step));
  for (int i = 0; i <= n; ++i) ticks.push_back(axis.lo + axis.step * i);
  return ticks;
}

std::string chart_description(const Series& s) {
  if (s.points.empty()) return "";
  const Point& a = s.points.front();
  const Point& b = s.points.back();
  std::string text = fmt::format("{} session{} logged, {} to {}.", s.points.size(), s.points.size() == 1 ? "" : "s",
                                 a.date, b.date);
  if (a.load && b.load) text += " Load as logged " + range_text(*a.load, *b.load, s.unit) + ".";
  if (a.target_load && b.target_load) text += " Load prescribed " + range_text(*a.target_load, *b.target_load, s.unit) + ".";
  if (a.e1rm && b.e1rm) text += " Estimated 1RM " + range_text(*a.e1rm, *b.e1rm, s.unit) + ".";
  std::string count(count_name(s.kind));
  text += fmt::format(" {} as logged {}, prescribed {}.", capitalised(count), range_text(a.count, b.count, ""),
                      range_text(a.target_count, b.target_count, ""));
  std::string pains;
  for (const auto& p : s.points) {
    if (p.pain) pains += fmt::format("{}{} on {}", pains.empty() ? "" : ", ", *p.pain, p.date);
  }
  if (!pains.empty()) text += " Back pain (0-10): " + pains + ".";
  return text;
}

std::string chart_svg(const Series& s, int index) {
  std::vector<Panel> panels;
  if (s.loaded) panels.push_back(load_panel(s));
  panels.push_back(count_panel(s));
  if (std::any_of(s.points.begin(), s.points.end(), [](const Point& p) { return p.pain.has_value(); })) {
    panels.push_back(pain_panel(s));
  }
  double height = double(panels.size()) * (head + plot_height) + double(panels.size() - 1) * gap + foot;
  std::string id = fmt::format("chart-{}", index);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-labelledby=\"{}-title {}-desc\">\n<title id=\"{}-title\">{}: each session as logged against the "
      "prescription</title>\n<desc id=\"{}-desc\">{}</desc>\n",
      num(chart_width), num(height), id, id, id, esc(s.name), id, esc(chart_description(s)));
  Timeline t = timeline(s);
  double top = 0;
  for (const auto& panel : panels) {
    draw_panel(out, s, panel, t, top);
    top += head + plot_height + gap;
  }
  draw_dates(out, s, t, top - gap);
  out += "</svg>\n";
  return out;
}

}  // namespace lbtrain::report
