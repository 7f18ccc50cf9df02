// The README's pictures, made by lbtrain itself (issue 28): a week of a plan printed by Chromium
// (docs/printed-week.png) and the progress report of a program logged as prescribed
// (docs/report.png). Each picture carries the SHA-256 of the HTML it shows (tests/tools/png-stamp);
// when lbtrain writes different HTML today the picture is stale and this test fails.
// LBTRAIN_UPDATE_SCREENSHOT=1 draws them again.

#include "support/helpers.hpp"
#include "support/pdf.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>

using namespace lbtrain;
using nlohmann::json;

namespace {

const std::string source_dir = LBTRAIN_SOURCE_DIR;
const std::string stamp_tool = source_dir + "/tests/tools/png-stamp";

bool updating() {
  const char* update = std::getenv("LBTRAIN_UPDATE_SCREENSHOT");
  return update && std::string(update) == "1";
}

std::string run_ok(const std::vector<std::string>& args) {
  auto r = test::run_lbtrain(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

/// The first printed A4 page of `html` as a PNG, `dpi` dots per inch.
std::string print_first_page(const std::string& html, int dpi) {
  std::string pdf = test::print_to_pdf(html);
  auto drawn = test::run_program("pdftoppm", {"-png", "-r", std::to_string(dpi), "-f", "1", "-l", "1", "-singlefile",
                                              pdf, html + ".page"});
  INFO(drawn.err);
  REQUIRE(drawn.exit_code == 0);
  return html + ".page.png";
}

/// Checks that docs/`name` shows `html` as lbtrain writes it today; with
/// LBTRAIN_UPDATE_SCREENSHOT=1, draws it again from `png` first.
void check_screenshot(const std::string& name, const std::string& html, const std::string& png) {
  std::string docs_png = source_dir + "/docs/" + name;
  if (updating()) {
    REQUIRE(test::run_program(stamp_tool, {"write", png, html}).exit_code == 0);
    std::filesystem::copy_file(png, docs_png, std::filesystem::copy_options::overwrite_existing);
  }
  auto want = test::run_program(stamp_tool, {"digest", html});
  auto have = test::run_program(stamp_tool, {"read", docs_png});
  REQUIRE(want.exit_code == 0);
  REQUIRE(have.exit_code == 0);
  INFO("docs/" << name << " is stale: lbtrain draws it differently today. Run "
       "LBTRAIN_UPDATE_SCREENSHOT=1 ./build/tests/lbtrain_readback_tests \"[screenshots]\" and commit it");
  CHECK(have.out == want.out);
}

/// A program logged as a lifter who does what `next` says: every main exercise at its target.
void log_as_prescribed(const std::string& db, const std::string& date) {
  json session = json::parse(run_ok({"next", "--date", date, "--format", "json", "--db", db}));
  for (const auto& block : session["weeks"][0]["sessions"][0]["blocks"]) {
    if (block["kind"] != "main") continue;
    for (const auto& item : block["items"]) {
      std::string done = std::to_string(item["sets"].get<int>()) + "x";
      if (item.contains("reps")) done += std::to_string(item["reps"].get<int>());
      else if (item.contains("seconds")) done += std::to_string(item["seconds"].get<int>()) + "s";
      else continue;
      if (item.contains("target_load")) {
        double load = item["target_load"]["value"].get<double>();
        done += "@" + (load == std::floor(load) ? std::to_string(static_cast<int>(load)) : std::to_string(load)) +
                item["target_load"]["unit"].get<std::string>();
      } else if (item.contains("rir")) {
        done += "@20kg";  // the first load, chosen as the notes say
      }
      std::vector<std::string> args{"log", item["exercise"]["id"].get<std::string>(), done};
      if (item.contains("rir")) {
        args.push_back("rir" + std::to_string(item["rir"]["max"].get<int>()));
      }
      args.insert(args.end(), {"--date", date, "--db", db});
      run_ok(args);
    }
  }
}

}  // namespace

TEST_CASE("docs/printed-week.png is a week of a plan as lbtrain prints it today", "[readback][screenshots]") {
  std::string dir = test::temp_dir();
  std::string html = dir + "/week.html";
  run_ok({"plan", "--goal", "lockout", "--weeks", "4", "--week", "1", "--start", "2026-11-23", "--format", "html",
          "-o", html});
  std::string png = print_first_page(html, 70);
  REQUIRE(test::read_file(png).size() > 10000);
  check_screenshot("printed-week.png", html, png);
}

TEST_CASE("docs/report.png is the report of a program logged as prescribed", "[readback][screenshots]") {
  std::string dir = test::temp_dir();
  std::string db = dir + "/lbtrain.db";
  run_ok({"start", "--goal", "lockout", "--weeks", "4", "--on", "mon,thu", "--start", "2026-10-26", "--db", db});
  // Dates in the past: a log takes no day to come.
  for (const char* date : {"2026-10-26", "2026-10-29", "2026-11-02", "2026-11-05", "2026-11-09", "2026-11-12"}) {
    log_as_prescribed(db, date);
  }
  std::string html = dir + "/report.html";
  run_ok({"report", "--date", "2026-11-13", "--db", db, "-o", html});
  std::string text = test::read_file(html);
  CHECK(text.find("6 of 8 sessions logged") != std::string::npos);
  std::string png = print_first_page(html, 80);
  REQUIRE(test::read_file(png).size() > 10000);
  check_screenshot("report.png", html, png);
}
