// `lbtrain report`: the series drawn from a program view, the SVG read back against what was
// logged, escaping, determinism and the text summary. Chromium reads the page in readback_test.

#include "support/helpers.hpp"
#include "support/svg.hpp"
#include "support/report_views.hpp"

#include "format/layout.hpp"
#include "lbtrain/log.hpp"
#include "lbtrain/report.hpp"
#include "log/logged_set.hpp"
#include "report/report_data.hpp"
#include "report/report_svg.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace lbtrain;
using test::Attributes;
using test::circles;
using test::series_points;

namespace {

double e1rm_of(int reps, double load) {
  LoggedSet set;
  set.kind = DoseKind::reps;
  set.count = reps;
  set.load = load;
  set.unit = LoadUnit::kg;
  set.rir = 3.0;
  return *log::estimated_1rm(set, LoadUnit::kg);
}

/// The scenario's sessions that were logged.
std::vector<test::ScenarioSession> logged_sessions() {
  std::vector<test::ScenarioSession> out;
  for (const auto& s : test::scenario())
    if (!s.logged.empty()) out.push_back(s);
  return out;
}

}  // namespace

TEST_CASE("report series: each main exercise done, as logged beside its prescription", "[report]") {
  auto all = report::report_series(test::scenario_view().plan, test::scenario_view().estimated_1rm);
  REQUIRE(all.size() == 2);  // the warm-up drill logged is not a main exercise
  const auto& extension = all[0];
  CHECK(extension.id == "back-extension");
  CHECK(extension.loaded);
  CHECK(extension.unit == "kg");
  const auto& plank = all[1];
  CHECK(plank.id == "front-plank");
  CHECK_FALSE(plank.loaded);
  CHECK(plank.kind == DoseKind::seconds);
  auto done = logged_sessions();
  REQUIRE(extension.points.size() == done.size());
  REQUIRE(plank.points.size() == done.size());
  for (std::size_t i = 0; i < done.size(); ++i) {
    INFO("session " << done[i].logged);
    const auto& e = extension.points[i];
    CHECK(e.date == done[i].logged);
    CHECK(e.week == done[i].week);
    CHECK(e.counts == done[i].extension_done);
    CHECK(e.count == *std::min_element(done[i].extension_done.begin(), done[i].extension_done.end()));
    CHECK(e.load == 20.0);
    CHECK(e.target_load == 20.0);
    CHECK(e.target_count == done[i].extension_reps);
    CHECK(e.e1rm == Approx(e1rm_of(*std::max_element(done[i].extension_done.begin(), done[i].extension_done.end()), 20)));
    const auto& p = plank.points[i];
    CHECK(p.counts == done[i].plank_done);
    CHECK_FALSE(p.load);
    CHECK_FALSE(p.e1rm);
    CHECK(p.target_count == done[i].plank_seconds);
  }
  CHECK(extension.points[0].logged == "3 x 12 @ 20 kg, RIR 3");
  CHECK(extension.points[0].prescribed == "3 x 12 @ 20 kg");
  CHECK(plank.points[1].logged == "30, 30, 25 s");
}

TEST_CASE("report series: loads logged in pounds are drawn in the program's unit", "[report]") {
  ProgramView view = test::scenario_view();
  auto& item = view.plan.weeks_list[0].sessions[0].blocks[1].items[0];
  for (auto& set : item.logged->sets) {
    set.load = 45.0;
    set.unit = "lb";
  }
  auto all = report::report_series(view.plan, view.estimated_1rm);
  CHECK(all[0].unit == "kg");
  CHECK(*all[0].points[0].load == Approx(45 * log::kg_per_lb));
}

TEST_CASE("report HTML: the chart's points read back as the numbers logged and prescribed", "[report]") {
  std::string html = format_report_html(test::scenario_view());
  auto all = circles(html);
  auto done = logged_sessions();
  auto load = series_points(all, "load"), target = series_points(all, "target-load"), e1rm = series_points(all, "e1rm");
  auto reps = series_points(all, "reps"), target_reps = series_points(all, "target-reps");
  auto seconds = series_points(all, "seconds"), target_seconds = series_points(all, "target-seconds");
  for (const auto* points : {&load, &target, &e1rm, &reps, &target_reps, &seconds, &target_seconds})
    REQUIRE(points->size() == done.size());
  double last_x = -1;
  for (std::size_t i = 0; i < done.size(); ++i) {
    const auto& s = done[i];
    INFO("session " << s.logged);
    int least = *std::min_element(s.extension_done.begin(), s.extension_done.end());
    CHECK(load[i]["data-date"] == s.logged);
    CHECK(load[i]["data-load"] == "20");
    CHECK(load[i]["data-unit"] == "kg");
    CHECK(load[i]["data-reps"] == std::to_string(least));
    CHECK(target[i]["data-load"] == "20");
    CHECK(target[i]["data-reps"] == std::to_string(s.extension_reps));
    CHECK(target[i]["data-sets"] == "3");
    CHECK(std::stod(e1rm[i]["data-e1rm"]) == Approx(e1rm_of(s.extension_done[0], 20)).margin(0.01));
    CHECK(reps[i]["data-reps"] == std::to_string(least));
    CHECK(target_reps[i]["data-reps"] == std::to_string(s.extension_reps));
    CHECK(seconds[i]["data-date"] == s.logged);
    CHECK(seconds[i]["data-seconds"] ==
          std::to_string(*std::min_element(s.plank_done.begin(), s.plank_done.end())));
    CHECK(target_seconds[i]["data-seconds"] == std::to_string(s.plank_seconds));
    // Later dates further right; the same load at the same height; more reps higher up.
    double x = std::stod(load[i]["cx"]);
    CHECK(x > last_x);
    last_x = x;
    CHECK(load[i]["cy"] == load[0]["cy"]);
    if (i > 0 && least > std::stoi(reps[i - 1]["data-reps"])) CHECK(std::stod(reps[i]["cy"]) < std::stod(reps[i - 1]["cy"]));
  }
  CHECK(reps[0]["data-sets"] == "12,12,12");
  CHECK(seconds[1]["data-sets"] == "30,30,25");
  // The same day in two charts of different sizes sits at the same x.
  CHECK(load[2]["cx"] == seconds[2]["cx"]);
}

TEST_CASE("report HTML: standalone, accessible, and the same bytes each time", "[report]") {
  ProgramView view = test::scenario_view();
  std::string html = format_report_html(view);
  CHECK(html == format_report_html(test::scenario_view()));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  for (const char* absent : {"<script", "src=", "href=", "url(", "@import", "<link"}) {
    INFO(absent);
    CHECK(html.find(absent) == std::string::npos);
  }
  CHECK(test::count(html, "http://") == test::count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
  std::size_t charts = test::count(html, "<svg ");
  CHECK(charts == 3);  // the adherence bar and two exercises
  CHECK(test::count(html, "role=\"img\"") == charts);
  CHECK(test::count(html, "<title id=\"") == charts);
  CHECK(test::count(html, "aria-labelledby=\"chart-") == 2);
  CHECK(test::count(html, "<table class=\"data\">") == 2);
  CHECK(html.find("4 of 6 sessions logged; 5 due by 2026-12-10. 3 days behind.") != std::string::npos);
  CHECK(html.find("data-planned=\"6\" data-due=\"5\" data-logged=\"4\" data-days-behind=\"3\"") != std::string::npos);
  CHECK(html.find("@page { size: A4") != std::string::npos);
  CHECK(html.find("Next: week 3, day 1 (2026-12-07).") != std::string::npos);
  CHECK(html.find("Dec 7") != std::string::npos);  // dates along the x axis
}

TEST_CASE("report: a hostile exercise name and unit cannot break out of the page or the terminal", "[report]") {
  std::string name = "<script>alert(1)</script> \"q\" 'a' \x1b[31mred\x1b[0m \xE2\x80\xAE" "evil\xE2\x81\xA6 \nnext";
  std::string unit = "kg\"><script>x</script>";
  ProgramView view = test::scenario_view(name, unit);
  std::string html = format_report_html(view);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39;") != std::string::npos);
  CHECK(html.find('\x1b') == std::string::npos);
  CHECK(html.find("\xE2\x80\xAE") == std::string::npos);
  CHECK(html.find("\xE2\x81\xA6") == std::string::npos);
  CHECK(html.find(" \nnext") == std::string::npos);
  for (const auto& a : circles(html)) CHECK(a.count("data-series") == 1);  // no attribute broken open
  for (int width : {80, 40}) {
    std::string text = format_report_text(view, TextStyle{false, width});
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(text.find("\xE2\x81\xA6") == std::string::npos);
    CHECK(text.find("\nnext") == std::string::npos);
    CHECK(text.find("<script>alert(1)</script>") != std::string::npos);  // shown as text, on one line
  }
}

TEST_CASE("report text: adherence, first and last session, best estimated 1RM and trend in the width", "[report]") {
  ProgramView view = test::scenario_view();
  std::string text = format_report_text(view, TextStyle{});
  INFO(text);
  CHECK(text == format_report_text(view, TextStyle{}));
  CHECK(text.find("Sessions: 4 of 6 logged, 5 due by 2026-12-10; 3 days behind.") != std::string::npos);
  CHECK(text.find("Next: week 3, day 1 (2026-12-07).") != std::string::npos);
  CHECK(text.find("  First  2026-11-23: 3 x 12 @ 20 kg, RIR 3; prescribed 3 x 12 @ 20 kg") != std::string::npos);
  CHECK(text.find("  Last   2026-12-07: 15, 15, 14 @ 20 kg, RIR 3; prescribed 3 x 15 @ 20 kg") != std::string::npos);
  std::string best = report::short_number(e1rm_of(15, 20), 1);
  CHECK(text.find("Best estimated 1RM: " + best + " kg (2026-12-07)") != std::string::npos);
  CHECK(text.find("Trend: load unchanged at 20 kg, reps +2, estimated 1RM +") != std::string::npos);
  CHECK(text.find("Trend: seconds +10") != std::string::npos);
  for (int width : {80, 50}) {
    std::istringstream lines(format_report_text(view, TextStyle{false, width}));
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      CHECK(layout::display_width(line) <= width);
    }
  }
  std::string coloured = format_report_text(view, TextStyle{true, 80});
  CHECK(coloured.find("\x1b[1mBack extension (45-degree)\x1b[0m") != std::string::npos);
}

TEST_CASE("report: a program with nothing logged yet says so", "[report]") {
  ProgramView view = test::scenario_view();
  for (auto& week : view.plan.weeks_list)
    for (auto& session : week.sessions) session.status = "ahead";
  view.adherence = {6, 0, 0, 0};
  CHECK(format_report_html(view).find("No main exercise logged yet") != std::string::npos);
  CHECK(format_report_text(view, TextStyle{}).find("No main exercise logged yet") != std::string::npos);
  CHECK(format_report_html(view).find("<svg ") != std::string::npos);  // the adherence bar still
}

TEST_CASE("report axes: round ticks that hold every value", "[report]") {
  auto axis = report::nice_axis(20, 20, false);
  CHECK(axis.lo < 20);
  CHECK(axis.hi > 20);
  axis = report::nice_axis(12, 15, true);
  CHECK(axis.lo <= 12);
  CHECK(axis.hi >= 15);
  CHECK(axis.step == 1);
  axis = report::nice_axis(26.8, 32.1, false);
  auto ticks = report::axis_ticks(axis);
  CHECK(ticks.front() <= 26.8);
  CHECK(ticks.back() >= 32.1);
  CHECK(ticks.size() >= 3);
  CHECK(ticks.size() <= 8);
  CHECK(report::short_number(22.50) == "22.5");
  CHECK(report::short_number(30.666666, 1) == "30.7");
  CHECK(report::short_date("2026-11-23") == "Nov 23");
}
