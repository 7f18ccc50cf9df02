// `lbtrain report` read back by a real browser: headless Chromium prints the page to PDF (read
// with pdfinfo and pdftotext). The README's picture of a report is made from a real program in
// screenshot_test.cpp.

#include "support/helpers.hpp"
#include "support/pdf.hpp"
#include "support/plans.hpp"
#include "support/report_views.hpp"

#include "lbtrain/report.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace lbtrain;

namespace {

/// A real plan (deadlift lockout, 4 weeks, 2 days) with its first five sessions logged as a
/// lifter would: loaded rep exercises at 20 kg (one set short in week 2), holds as prescribed.
ProgramView realistic_view() {
  PlanOptions options = test::plan_options({"lockout"}).weeks("4").days("2").start("2026-11-23");
  ProgramView view;
  view.plan = test::make_plan(options);
  view.started = "2026-11-22";
  view.date = *parse_iso_date("2026-12-11");
  int index = 0, planned = 0;
  for (auto& week : view.plan.weeks_list)
    for (auto& session : week.sessions) {
      ++planned;
      bool done = ++index <= 5;
      session.status = done ? "done" : index == 6 ? "next" : "ahead";
      if (!done) continue;
      std::string date = iso_date(*session.date);
      for (auto& block : session.blocks)
        for (auto& item : block.items) {
          bool loaded = item.kind == DoseKind::reps && block.kind == BlockKind::main && !item.load.empty();
          if (loaded) item.target_load = TargetLoad{index < 5 ? 20.0 : 22.5, "kg", "logged"};
          DoneItem logged{date, {}};
          for (int set = 0; set < item.sets; ++set) {
            int count = item.value - (index == 3 && set == 2 ? 2 : 0);
            std::optional<double> load;
            if (loaded) load = item.target_load->value;
            logged.sets.push_back({count, load, loaded ? "kg" : "", loaded ? std::optional<double>(3) : std::nullopt, std::nullopt});
          }
          item.logged = logged;
        }
    }
  view.adherence = {planned, 6, 5, 1};
  return view;
}

}  // namespace

TEST_CASE("report HTML printed by Chromium: exercises, adherence and charts on a few A4 pages", "[readback][report]") {
  std::string dir = test::temp_dir();
  std::string html = dir + "/report.html";
  test::write_file(html, format_report_html(test::scenario_view()));
  std::string pdf = test::print_to_pdf(html);
  int n = test::pdf_pages(pdf);
  CHECK(n >= 1);
  CHECK(n <= 3);
  std::string text = test::pdf_page_text(pdf);
  INFO(text);
  CHECK(text.find("Progress report: Deadlift lockout") != std::string::npos);
  CHECK(text.find("4 of 6 sessions logged; 5 due by 2026-12-10. 3 days behind.") != std::string::npos);
  CHECK(text.find("Back extension (45-degree)") != std::string::npos);
  CHECK(text.find("Front plank") != std::string::npos);
  CHECK(text.find("3 x 12 @ 20 kg, RIR 3") != std::string::npos);  // the data table
  CHECK(text.find("Nov 23") != std::string::npos);                  // the charts' own text: dates,
  CHECK(text.find("estimated 1RM") != std::string::npos);           // legend
  CHECK(text.find("Seconds") != std::string::npos);                 // and panel titles
  // The page is A4, as the print CSS asks.
  auto info = test::run_program("pdfinfo", {pdf});
  CHECK(info.out.find("(A4)") != std::string::npos);
}

TEST_CASE("report HTML of a real plan: Chromium prints it", "[readback][report]") {
  std::string dir = test::temp_dir();
  std::string html = dir + "/report.html";
  ProgramView view = realistic_view();
  test::write_file(html, format_report_html(view));
  std::string pdf = test::print_to_pdf(html);
  CHECK(test::pdf_pages(pdf) <= 4);
  std::string text = test::pdf_page_text(pdf);
  CHECK(text.find(fmt::format("5 of {} sessions logged", view.adherence.sessions_planned)) != std::string::npos);
}
