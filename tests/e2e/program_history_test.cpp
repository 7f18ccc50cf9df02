// The history a lifter brings (issue 26, item 5): a Strong export imported before the program
// starts, through the real binary. Week 1's holds and bodyweight reps start where the log shows
// the lifter is, within the block's range; a load logged at another rep count comes to week 1's
// reps through the estimated 1RM; the import's summary says what to do next.

#include "support/helpers.hpp"
#include "support/log_fixture.hpp"
#include "support/program_log.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

using lbtrain::test::run_lbtrain;
using nlohmann::json;
using lbtrain::test::find_item;
using lbtrain::test::item_of;

namespace {

const std::string fixture = std::string(LBTRAIN_SOURCE_DIR) + "/tests/data/log/strong-history.csv";

struct Lifter : lbtrain::test::Log {
  std::string import() const { return out({"log", "import", fixture, "--unit", "kg"}); }
  void start() const { ok({"start", "--start", "2026-09-07", "--on", "mon,thu", "--goal", "general"}); }
  json first_session() const {
    json plan = json::parse(out({"next", "--date", "2026-09-07", "--format", "json"}));
    return plan["weeks"][0]["sessions"][0];
  }
};

}  // namespace

TEST_CASE("history: imported planks start week 1 at the block's top, not its bottom", "[program][history]") {
  Lifter fresh;
  fresh.start();
  const json written = item_of(fresh.first_session(), "plank");

  Lifter p;
  p.import();
  p.start();
  const json plank = item_of(p.first_session(), "plank");
  INFO(plank.dump());
  // 2 x 120 s planks logged on 2026-08-27 (the Strong name "Plank" mapped to plank): more than
  // the block's range holds, so week 1 starts at its top, and says so; never the 120 s logged.
  CHECK(plank["seconds"].get<int>() > written["seconds"].get<int>());
  CHECK(plank["seconds"].get<int>() < 120);
  CHECK(plank["sets"] == written["sets"]);
  const std::string why = plank.value("adaptation", "");
  CHECK(why.find("2026-08-27") != std::string::npos);
  CHECK(why.find("block's top") != std::string::npos);
}

TEST_CASE("history: typed holds lift week 1 only as far as every set was held", "[program][history]") {
  Lifter fresh;
  fresh.start();
  const json written = item_of(fresh.first_session(), "plank");
  const int sets = written["sets"].get<int>();
  const int longer = written["seconds"].get<int>() + 5;  // one week's step, inside the block's range

  // One longer hold: not the work of every set (never more than the log shows).
  Lifter one;
  one.out({"log", "plank", "1x" + std::to_string(longer) + "s", "--date", "2026-09-01"});
  one.start();
  CHECK(item_of(one.first_session(), "plank")["seconds"] == written["seconds"]);

  // As many holds as asked, each longer: week 1 starts there.
  Lifter all;
  all.out({"log", "plank", std::to_string(sets) + "x" + std::to_string(longer) + "s", "--date", "2026-09-01"});
  all.start();
  const json plank = item_of(all.first_session(), "plank");
  CHECK(plank["seconds"] == longer);
  CHECK(plank.value("adaptation", "").find("starts where you are") != std::string::npos);
}

TEST_CASE("history: a load logged at another rep count comes to week 1 through the estimated 1RM, rounded down",
          "[program][history]") {
  Lifter p;
  p.import();
  p.start();
  const json rdl = item_of(p.first_session(), "romanian-deadlift");
  INFO(rdl.dump());
  REQUIRE(rdl.contains("target_load"));
  const int reps = rdl["reps"].get<int>();
  REQUIRE(reps != 8);  // the log's 3 x 8 @ 100 kg is not week 1's count
  const int reserve = rdl.contains("rir") ? rdl["rir"]["max"].get<int>() : 0;
  // The weakest working set of 2026-08-27: 8 reps at RPE 8.5, 1.5 in reserve (Epley, as history).
  const double e1rm = 100 * (1 + (8 + 1.5) / 30);
  const double expected = std::floor(e1rm / (1 + (reps + reserve) / 30.0) / 2.5 + 1e-9) * 2.5;
  CHECK(rdl["target_load"]["value"].get<double>() == expected);
  CHECK(rdl["target_load"]["value"].get<double>() != 100);
  const std::string basis = rdl["target_load"]["basis"].get<std::string>();
  CHECK(basis.find("from 3 x 8 @ 100 kg") != std::string::npos);
  CHECK(basis.find("2026-08-27") != std::string::npos);
}

TEST_CASE("history: the import's summary says the next step, with and without a program", "[log][import][history]") {
  Lifter p;
  const std::string first = p.import();
  CHECK(first.find("'lbtrain start --goal GOAL'") != std::string::npos);
  CHECK(first.find("'lbtrain assess'") != std::string::npos);
  p.start();
  const std::string again = p.import();
  CHECK(again.find("'lbtrain next'") != std::string::npos);
  CHECK(again.find("'lbtrain start") == std::string::npos);
}

TEST_CASE("history from long before the program comes back over the layoff ramp", "[history][program]") {
  // Left alone by the first-doses work: a load last logged months before the program's first
  // session was taken at full value; after a layoff inside a program it comes back lighter.
  auto target = [](const std::string& logged_on) {
    lbtrain::test::ProgramLog p({"--goal", "lockout", "--weeks", "4"});
    p.log("back-extension", "3x12@20kg rir4", logged_on);
    return p.next("2026-09-07");
  };
  auto find = [](const nlohmann::json& session) { return find_item(session, "back-extension"); };
  nlohmann::json recent = find(target("2026-09-01"));
  REQUIRE(recent.is_object());
  CHECK(recent["target_load"]["value"] == 20);
  nlohmann::json old = find(target("2026-07-01"));
  REQUIRE(old.is_object());
  CHECK(old["target_load"]["value"] == 17.5);
  CHECK_THAT(old["target_load"]["basis"].get<std::string>(), Catch::Contains("after a layoff"));
}
