#include "support/helpers.hpp"
#include "support/plans.hpp"

#include "format/escape.hpp"
#include "format/json_writer.hpp"
#include "lbtrain/format.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <sstream>

using namespace lbtrain;

namespace {

}  // namespace

TEST_CASE("golden text: lockout, 4 weeks", "[format][golden]") {
  test::check_golden("lockout-4w.txt", format_text(test::make_plan(test::plan_options({"lockout"}).weeks("4")), {}));
}

TEST_CASE("golden JSON: lockout, 4 weeks", "[format][golden]") {
  test::check_golden("lockout-4w.json", format_json(test::make_plan(test::plan_options({"lockout"}).weeks("4")), false));
}

TEST_CASE("golden text and JSON for every goal", "[format][golden]") {
  test::check_golden("lordosis-2w.txt", format_text(test::make_plan(test::plan_options({"lordosis"}).weeks("2")), {}));
  test::check_golden("kyphosis-2w.json", format_json(test::make_plan(test::plan_options({"kyphosis"}).weeks("2")), false));
  PlanOptions beginner = test::plan_options({"general"}).weeks("6").days("2");
  beginner.level = "beginner";
  beginner.equipment = "home";
  test::check_golden("general-beginner-home-6w.txt", format_text(test::make_plan(beginner), {}));
  test::check_golden("lockout-lordosis-1w.txt", format_text(test::make_plan(test::plan_options({"lockout", "lordosis"}).weeks("1")), {}));
}

TEST_CASE("text stays within 80 columns and has no colour by default", "[format]") {
  for (const char* goal : {"lockout", "lordosis", "kyphosis", "general"}) {
    std::string text = format_text(test::make_plan(test::plan_options({goal}).weeks("6")), {});
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      INFO(line);
      CHECK(line.size() <= 80);
    }
    CHECK(text.find('\033') == std::string::npos);
    CHECK(text.find("Week 1 of 6\n") != std::string::npos);
    CHECK(text.find("Week 6 of 6\n") != std::string::npos);
  }
}

TEST_CASE("colour only when asked", "[format]") {
  std::string text = format_text(test::make_plan(test::plan_options({"lockout"}).weeks("1")), TextStyle{true, 80});
  CHECK(text.find("\033[1mWeek 1 of 1\033[0m") != std::string::npos);
}

TEST_CASE("JSON follows the public contract", "[format]") {
  auto plan = nlohmann::ordered_json::parse(format_json(test::make_plan(test::plan_options({"lordosis"}).weeks("6").days("3")), false));
  std::vector<std::string> keys;
  for (const auto& [key, value] : plan.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"schema_version", "generator", "request", "goals", "notes", "sources", "weeks"});
  CHECK(plan["schema_version"] == 1);
  CHECK(plan["generator"]["name"] == "lbtrain");
  CHECK(plan["request"]["goals"] == nlohmann::ordered_json::array({"lordosis"}));
  CHECK(plan["request"]["days"] == 3);
  REQUIRE(plan["weeks"].size() == 6);
  for (const auto& week : plan["weeks"]) {
    CHECK(week["sessions"].size() == 3);
    for (const auto& session : week["sessions"]) {
      CHECK(session["estimated_minutes"].is_number_integer());
      std::vector<std::string> kinds;
      for (const auto& block : session["blocks"]) {
        kinds.push_back(block["kind"]);
        for (const auto& item : block["items"]) {
          int doses = item.contains("reps") + item.contains("seconds") + item.contains("breaths");
          CHECK(doses == 1);
          CHECK(item["exercise"]["id"].is_string());
          CHECK(item["exercise"]["name"].is_string());
          CHECK(item["sets"].is_number_integer());
          CHECK(item["per_side"].is_boolean());
          CHECK(item["load"].is_string());
          CHECK(item["cues"].is_array());
          CHECK(item["why"].is_string());
          CHECK(item["source"].is_string());
          if (item.contains("rir")) CHECK(item.contains("reps"));
        }
      }
      CHECK(kinds == std::vector<std::string>{"warmup", "main", "cooldown"});
    }
  }
}

TEST_CASE("compact JSON is one line with the same content", "[format]") {
  Plan plan = test::make_plan(test::plan_options({"general"}).weeks("2"));
  std::string compact = format_json(plan, true);
  CHECK(std::count(compact.begin(), compact.end(), '\n') == 1);
  CHECK(nlohmann::json::parse(compact) == nlohmann::json::parse(format_json(plan, false)));
}

TEST_CASE("the JSON writer escapes every string as nlohmann does after repairing its UTF-8", "[format]") {
  // The writer scans 8 bytes at a time; strings of every length around that, of bytes chosen to
  // hit each case (plain, quote, backslash, controls, DEL, valid and broken multi-byte UTF-8).
  const std::vector<std::string> pieces = {"a", "Z", " ", "\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f",
                                           "\xC3\xA9", "\xE2\x80\xAE", "\xF0\x9F\x92\xAA", "\xC3", "\xFF", "\xE2\x80", "/"};
  std::mt19937 random(18);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    int count = static_cast<int>(random() % 24);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    format::JsonWriter writer(true);
    writer.value(text);
    std::string written = writer.take();
    written.pop_back();  // the final newline
    INFO(nlohmann::json(valid_utf8(text)).dump());
    REQUIRE(written == nlohmann::json(valid_utf8(text)).dump());
  }
}
