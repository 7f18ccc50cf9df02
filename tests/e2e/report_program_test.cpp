// The report of a real program: `lbtrain start` and `lbtrain log --date` through the binary,
// the program adapted by view_program, and the report's SVG points read back against what was
// logged; `lbtrain report -o FILE` writes the same page.

#include "support/helpers.hpp"
#include "support/svg.hpp"

#include "format/escape.hpp"
#include "lbtrain/program.hpp"
#include "lbtrain/report.hpp"
#include "log/logged_set.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <chrono>
#include <map>

using namespace lbtrain;
using test::Attributes;
using test::points;

namespace {

struct Logged {
  std::string date;
  int count = 0;                ///< the fewest of the sets
  std::optional<double> load;
  int target = 0;
};

const Session* next_session(const ProgramView& view) {
  for (const auto& week : view.plan.weeks_list)
    for (const auto& session : week.sessions)
      if (session.status == "next") return &session;
  return nullptr;
}

/// `lbtrain log` of a main item as prescribed (the last set `short_by` short), at its target
/// load or 20 kg when loaded; what was logged.
Logged log_item(const std::string& db, const std::string& date, const Prescription& item, int short_by) {
  std::string counts;
  for (int set = 0; set < item.sets; ++set)
    counts += (set ? "," : "") + std::to_string(item.value - (set == item.sets - 1 ? short_by : 0));
  if (item.kind == DoseKind::seconds) counts = std::to_string(item.sets) + "x" + std::to_string(item.value - short_by) + "s";
  Logged logged{date, item.value - short_by, std::nullopt, item.value};
  std::string notation = counts;
  if (item.loaded && item.kind == DoseKind::reps) {
    logged.load = item.target_load ? item.target_load->value : 20.0;
    notation += "@" + log::number_text(*logged.load) + "kg";
  }
  auto r = test::run_lbtrain({"log", item.exercise.id, notation, "--date", date, "--db", db});
  INFO(notation << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return logged;
}

/// The part of the page about one exercise, by its heading.
std::string exercise_section(const std::string& html, const std::string& name) {
  std::size_t heading = html.find(">" + html_escape(name) + "</h2>");
  if (heading == std::string::npos) return "";
  std::size_t end = html.find("</section>", heading);
  return html.substr(heading, end - heading);
}

}  // namespace

TEST_CASE("report of a real program: the chart's points are the sets logged through lbtrain log", "[report][program]") {
  std::string dir = test::temp_dir();
  std::string db = dir + "/log.db";
  // Four weeks ago: lbtrain log takes no date in the future.
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::string date = iso_date(today - std::chrono::days{28});
  auto r = test::run_lbtrain({"start", "--goal", "lockout", "--weeks", "4", "--days", "2", "--start", date, "--db", db});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::vector<Logged>> by_exercise;  // id -> sessions logged
  std::map<std::string, std::string> names;
  for (int session = 0; session < 3; ++session) {
    ProgramView view = view_program(ProgramQuery{db, parse_iso_date(date), ""});
    const Session* next = next_session(view);
    REQUIRE(next);
    REQUIRE(next->date);
    date = iso_date(*next->date);
    for (const auto& block : next->blocks) {
      if (block.kind != BlockKind::main) continue;
      for (const auto& item : block.items) {
        if (item.kind == DoseKind::breaths) continue;
        by_exercise[item.exercise.id].push_back(log_item(db, date, item, session == 1 ? 1 : 0));
        names[item.exercise.id] = item.exercise.name;
      }
    }
    date = iso_date(*next->date + std::chrono::days{1});
  }
  REQUIRE_FALSE(by_exercise.empty());
  ProgramView view = view_program(ProgramQuery{db, parse_iso_date(date), ""});
  CHECK(view.adherence.sessions_logged == 3);
  // The command writes what the formatter makes of the view.
  std::string path = dir + "/progress.html";
  auto written = test::run_lbtrain({"report", "-o", path, "--date", date, "--db", db});
  INFO(written.err);
  REQUIRE(written.exit_code == 0);
  std::string html = test::read_file(path);
  CHECK(html == format_report_html(view));
  CHECK(html.find(fmt::format("3 of {} sessions logged", view.adherence.sessions_planned)) != std::string::npos);
  for (const auto& [id, sessions] : by_exercise) {
    std::string name = names[id];
    INFO(id);
    std::string section = exercise_section(html, name);
    REQUIRE_FALSE(section.empty());
    bool loaded = sessions.front().load.has_value();
    auto counts = points(section, loaded || section.find("data-series=\"reps\"") != std::string::npos ? "reps" : "seconds");
    auto loads = points(section, "load");
    REQUIRE(counts.size() == sessions.size());
    CHECK(loads.size() == (loaded ? sessions.size() : 0));
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      const Logged& s = sessions[i];
      INFO(s.date);
      CHECK(counts[i]["data-date"] == s.date);
      std::string count_attribute = counts[i].count("data-reps") ? "data-reps" : "data-seconds";
      CHECK(counts[i][count_attribute] == std::to_string(s.count));
      if (loaded) {
        CHECK(loads[i]["data-date"] == s.date);
        CHECK(loads[i]["data-load"] == log::number_text(*s.load));
        CHECK(loads[i]["data-unit"] == "kg");
      }
    }
  }
}
