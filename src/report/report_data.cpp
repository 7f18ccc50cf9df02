// The report's numbers, drawn from a program view: each main exercise's done sessions as
// logged (working sets, heaviest load, fewest reps, best estimated 1RM) beside their
// prescription, every load converted to the series' unit.

#include "report/report_data.hpp"

#include "format/layout.hpp"
#include "lbtrain/log.hpp"
#include "log/logged_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace lbtrain::report {

namespace {

LoadUnit unit_of(const std::string& text) { return parse_load_unit(text).value_or(LoadUnit::kg); }

/// The log's sets as LoggedSets, so the log's own wording and 1RM formula apply to them.
std::vector<LoggedSet> logged_sets(const Prescription& item, const DoneItem& done) {
  std::vector<LoggedSet> sets;
  int number = 0;
  for (const auto& set : done.sets) {
    LoggedSet s;
    s.date = done.date;
    s.exercise_id = item.exercise.id;
    s.exercise = item.exercise.name;
    s.set_number = ++number;
    s.kind = item.kind;
    s.count = set.count;
    s.load = set.load;
    s.unit = unit_of(set.unit);
    s.rir = set.rir;
    s.pain = set.pain;
    s.per_side = item.per_side;
    sets.push_back(s);
  }
  return sets;
}

/// The unit a series is drawn in: the program's target load's, else the first logged load's.
std::string series_unit(const Prescription& item) {
  if (item.target_load && !item.target_load->unit.empty()) return item.target_load->unit;
  for (const auto& set : item.logged->sets)
    if (set.load && !set.unit.empty()) return set.unit;
  return "";
}

Point make_point(const Session& session, int week, const Prescription& item, const std::string& unit_text,
                 bool with_e1rm) {
  const DoneItem& done = *item.logged;
  LoadUnit unit = unit_of(unit_text);
  Point p;
  p.date = !done.date.empty() ? done.date : session.date ? iso_date(*session.date) : "";
  p.week = week;
  p.day = session.day;
  std::vector<LoggedSet> sets = logged_sets(item, done);
  for (const auto& set : sets) {
    p.counts.push_back(set.count);
    if (set.pain) p.pain = std::max(p.pain.value_or(0), *set.pain);
    if (set.load) {
      double load = log::convert(*set.load, set.unit, unit);
      if (!p.load || load > *p.load) p.load = load;
    }
    if (!with_e1rm) continue;
    if (auto e1rm = log::estimated_1rm(set, unit); e1rm && (!p.e1rm || *e1rm > *p.e1rm)) p.e1rm = e1rm;
  }
  if (!p.counts.empty()) p.count = *std::min_element(p.counts.begin(), p.counts.end());
  p.logged = log::sets_text(sets);
  p.target_sets = item.sets;
  p.target_count = item.value;
  p.prescribed = layout::dose_text(item);
  if (item.target_load) {
    p.target_load = log::convert(item.target_load->value, unit_of(item.target_load->unit), unit);
    p.prescribed += " @ " + log::number_text(*p.target_load) + " " + std::string(to_string(unit));
  }
  return p;
}

}  // namespace

std::vector<Series> report_series(const Plan& plan, const std::set<std::string>& estimated_1rm) {
  std::vector<Series> all;
  for (const auto& week : plan.weeks_list)
    for (const auto& session : week.sessions) {
      if (session.status != "done") continue;
      for (const auto& block : session.blocks) {
        if (block.kind != BlockKind::main) continue;
        for (const auto& item : block.items) {
          if (!item.logged || item.logged->sets.empty()) continue;
          auto it = std::find_if(all.begin(), all.end(), [&](const Series& s) { return s.id == item.exercise.id; });
          if (it == all.end()) {
            Series s;
            s.id = item.exercise.id;
            s.name = item.exercise.name;
            s.kind = item.kind;
            s.per_side = item.per_side;
            s.unit = series_unit(item);
            all.push_back(s);
            it = all.end() - 1;
          }
          if (it->unit.empty()) it->unit = series_unit(item);
          it->points.push_back(make_point(session, week.number, item, it->unit, estimated_1rm.count(item.exercise.id) > 0));
        }
      }
    }
  for (auto& s : all) {
    std::stable_sort(s.points.begin(), s.points.end(), [](const Point& a, const Point& b) { return a.date < b.date; });
    s.loaded = std::any_of(s.points.begin(), s.points.end(), [](const Point& p) { return p.load || p.target_load; });
    if (!s.loaded) s.unit.clear();
  }
  return all;
}

std::string short_number(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::string short_date(std::string_view iso) {
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto date = parse_iso_date(iso);
  if (!date) return std::string(iso);
  std::chrono::year_month_day ymd{*date};
  return fmt::format("{} {}", months[static_cast<unsigned>(ymd.month()) - 1], static_cast<unsigned>(ymd.day()));
}

std::string_view count_name(DoseKind kind) {
  switch (kind) {
    case DoseKind::seconds: return "seconds";
    case DoseKind::breaths: return "breaths";
    case DoseKind::reps: break;
  }
  return "reps";
}

}  // namespace lbtrain::report
