// `lbtrain start`, `next` and `program` end to end: the real binary on a real log, scripted
// weeks of logging (success, a miss, two misses, the top of the range, a skipped week, holds),
// checked item by item against what a coach would write next.

#include "support/helpers.hpp"
#include "support/program_log.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using lbtrain::test::run_lbtrain;
using nlohmann::json;
using lbtrain::test::item_of;

namespace {

/// A lockout program of six weeks on Mondays and Thursdays from Monday 2026-09-07, in a fresh log.
struct Program : lbtrain::test::ProgramLog {
  explicit Program(std::vector<std::string> extra = {}) : ProgramLog(with_lockout(std::move(extra))) {}
  static std::vector<std::string> with_lockout(std::vector<std::string> extra) {
    extra.insert(extra.begin(), {"--goal", "lockout", "--weeks", "6"});
    return extra;
  }
};

json session_of(const json& plan) { return plan["weeks"][0]["sessions"][0]; }

/// "week.day reps@load" for the back extension of the next session.
std::string back_extension(const Program& p, const std::string& date) {
  json plan = p.next_plan(date);
  json session = session_of(plan);
  json item = item_of(session, "back-extension");
  std::string load = item.contains("target_load") ? "@" + item["target_load"]["value"].dump() : "";
  return std::to_string(plan["weeks"][0]["number"].get<int>()) + "." + std::to_string(session["day"].get<int>()) + " " +
         item["sets"].dump() + "x" + item["reps"].dump() + load;
}

}  // namespace

TEST_CASE("program: logged as a success every session, the reference block comes out, then a heavier block",
          "[program]") {
  Program p;
  // Each session on its day: the sets and reps the plan asks for, at 20 kg, with the reps in
  // reserve it asks for.
  const std::vector<std::string> dates{"2026-09-07", "2026-09-10", "2026-09-14", "2026-09-17", "2026-09-21",
                                       "2026-09-24", "2026-09-28", "2026-10-01", "2026-10-05", "2026-10-08"};
  std::vector<std::string> seen;
  for (const auto& date : dates) {
    seen.push_back(back_extension(p, date));
    json item = item_of(p.next(date), "back-extension");
    p.log("back-extension", fmt::format("{}x{}@20kg rir{}", item["sets"].get<int>(), item["reps"].get<int>(),
                                        item["rir"]["min"].get<int>()), date);
  }
  seen.push_back(back_extension(p, "2026-10-12"));
  CHECK(seen == std::vector<std::string>{"1.1 3x12", "1.2 3x12@20", "2.1 3x13@20", "2.2 3x13@20", "3.1 3x14@20",
                                         "3.2 3x14@20", "4.1 3x15@20", "4.2 3x15@20", "5.1 2x12@20", "5.2 2x12@20",
                                         "6.1 3x12@21.25"});
  json item = item_of(p.next("2026-10-12"), "back-extension");
  CHECK(item["target_load"]["unit"] == "kg");
  CHECK(item["target_load"]["basis"] == "logged 2026-10-08 + 1.25 kg");
  CHECK(item["last"]["date"] == "2026-10-08");
  CHECK(item["last"]["sets"].size() == 2);
  CHECK(item["last"]["sets"][0] == json{{"count", 12}, {"load", 20}, {"unit", "kg"}, {"rir", 5}});
  CHECK(item["adaptation"].get<std::string>().find("A new block at 21.25 kg, one increment (1.25 kg) over the last "
                                                   "block's 20 kg") != std::string::npos);
  // One increment for the block, not one for each of its sessions.
  p.log("back-extension", "3x12@21.25kg rir4", "2026-10-12");
  CHECK(back_extension(p, "2026-10-13") == "6.2 3x12@21.25");
}

TEST_CASE("program: loads logged in kg, then in lb, are followed in the unit last logged", "[program]") {
  Program p;
  p.log("back-extension", "3x12@20kg rir4", "2026-09-07");
  p.log("back-extension", "3x12@45lb rir4", "2026-09-10");
  json item = item_of(p.next("2026-09-11"), "back-extension");
  CHECK(item["target_load"]["value"] == 45);
  CHECK(item["target_load"]["unit"] == "lb");
  p.log("back-extension", "3x13@20.5kg rir3", "2026-09-14");  // 45.2 lb: at the target, a success
  item = item_of(p.next("2026-09-15"), "back-extension");
  CHECK(item["reps"] == 13);
  CHECK(item["target_load"]["unit"] == "kg");
  CHECK_FALSE(item.contains("adaptation"));
}

TEST_CASE("program: where the load rises instead of the reps, one increment a week, and back for the easier week",
          "[program]") {
  Program p({"--weakness", "lockout", "--force"});
  std::vector<std::string> loads;
  const std::vector<std::string> dates{"2026-09-07", "2026-09-10", "2026-09-14", "2026-09-17", "2026-09-21",
                                       "2026-09-24", "2026-09-28", "2026-10-01", "2026-10-05"};
  std::string id;
  for (const auto& date : dates) {
    json session = p.next(date);
    for (const auto& block : session["blocks"]) {
      for (const auto& item : block["items"]) {
        if (item["exercise"]["id"].get<std::string>().find("back-extension") == 0) id = item["exercise"]["id"];
      }
    }
    REQUIRE_FALSE(id.empty());
    json item = item_of(session, id);
    double load = item.contains("target_load") ? item["target_load"]["value"].get<double>() : 20.0;
    loads.push_back(fmt::format("{}", load));
    p.log(id, fmt::format("{}x{}@{}kg rir{}", item["sets"].get<int>(), item["reps"].get<int>(), load,
                          item["rir"]["min"].get<int>()), date);
  }
  CHECK(loads == std::vector<std::string>{"20", "20", "21.25", "21.25", "22.5", "22.5", "23.75", "23.75", "20"});
}

TEST_CASE("program: a miss repeats the session, two misses in a row take about 10% off", "[program]") {
  Program p;
  p.log("back-extension", "3x12@20kg rir4", "2026-09-07");
  p.log("back-extension", "3x12@20kg rir4", "2026-09-10");
  p.log("back-extension", "13,12,11@20kg rir2", "2026-09-14");  // short of 3 x 13
  json item = item_of(p.next("2026-09-15"), "back-extension");
  CHECK(item["reps"] == 13);
  CHECK(item["target_load"]["value"] == 20);
  CHECK(item["adaptation"].get<std::string>().find("repeats 3 x 13 @ 20 kg") != std::string::npos);
  p.log("back-extension", "3x13@20kg rir1", "2026-09-17");  // every rep, but too close to failure
  item = item_of(p.next("2026-09-18"), "back-extension");
  CHECK(back_extension(p, "2026-09-18") == "3.1 3x13@17.5");
  CHECK(item["target_load"]["basis"] == "logged 2026-09-17 - 10%");
  CHECK(item["adaptation"].get<std::string>().find("2 sessions in a row short of 3 x 13 @ 20 kg") != std::string::npos);
  // A success at the lighter load moves on.
  p.log("back-extension", "3x13@17.5kg rir3", "2026-09-21");
  // The plan has each dose twice a week, so 3 x 13 comes once more before 3 x 14.
  CHECK(back_extension(p, "2026-09-22") == "3.2 3x13@17.5");
}

TEST_CASE("program: every set at the top of the block's range goes on to the next block, one increment heavier",
          "[program]") {
  Program p;
  p.log("back-extension", "3x12@20kg rir4", "2026-09-07");
  p.log("back-extension", "3x15@20kg rir3", "2026-09-10");  // 3 x 12 asked, 3 x 15 done: the block's top
  json item = item_of(p.next("2026-09-11"), "back-extension");
  // The load was light: the block again from 12 reps, one increment heavier, no easier week yet.
  CHECK(back_extension(p, "2026-09-11") == "2.1 3x12@21.25");
  CHECK(item["adaptation"].get<std::string>().find("reached 15, the top of the block's range") != std::string::npos);
  CHECK(item["adaptation"].get<std::string>().find("starts again at 12 reps, one increment heavier (21.25 kg)") !=
        std::string::npos);
  p.log("back-extension", "3x12@21.25kg rir4", "2026-09-14");
  CHECK(back_extension(p, "2026-09-15") == "2.2 3x12@21.25");
  p.log("back-extension", "3x12@21.25kg rir4", "2026-09-17");
  CHECK(back_extension(p, "2026-09-18") == "3.1 3x13@21.25");
}

TEST_CASE("program: a session not logged is repeated, and a missed week is said", "[program]") {
  Program p;
  p.log("back-extension", "3x12@20kg rir4", "2026-09-07");
  // Nothing logged for two weeks: the next session is week 1's second, not week 3's.
  json plan = p.next_plan("2026-09-21");
  json session = session_of(plan);
  CHECK(plan["weeks"][0]["number"] == 1);
  CHECK(session["day"] == 2);
  CHECK(session["date"] == "2026-09-21");
  CHECK(session["status"] == "next");
  REQUIRE(session["notes"].size() == 2);
  CHECK(session["notes"][0]["text"].get<std::string>().find("Week 1, day 2 was due on 2026-09-10") != std::string::npos);
  CHECK(session["notes"][1]["text"].get<std::string>().find("No session was logged for 14 days (since 2026-09-07)") !=
        std::string::npos);
  CHECK(session["notes"][1]["text"].get<std::string>().find("11 days behind") != std::string::npos);
  // Two weeks off: the first session back is about 10% lighter, rounded down to the step.
  json item = item_of(session, "back-extension");
  CHECK(item["target_load"]["value"] == 17.5);
  CHECK(item["target_load"]["basis"] == "logged 2026-09-07, - 10% after a layoff");
  CHECK(item["adaptation"].get<std::string>().find("14 days since the last session") != std::string::npos);
  // Logged on that day, it counts as the repeated session.
  p.log("back-extension", "3x12@20kg rir4", "2026-09-21");
  CHECK(back_extension(p, "2026-09-22") == "2.1 3x13@20");
}

TEST_CASE("program: timed holds advance on a logged success and repeat otherwise", "[program]") {
  Program p;
  p.log("side-plank", "3x20s", "2026-09-07");
  p.log("side-plank", "3x20s", "2026-09-10");
  json item = item_of(p.next("2026-09-11"), "side-plank");
  CHECK(item["seconds"] == 25);
  CHECK_FALSE(item.contains("target_load"));
  p.log("side-plank", "25,20,15s", "2026-09-14");
  item = item_of(p.next("2026-09-15"), "side-plank");
  CHECK(item["seconds"] == 25);
  CHECK(item["adaptation"].get<std::string>().find("short of 3 x 25 s per side") != std::string::npos);
}

TEST_CASE("program: the whole program shows what was logged beside what was prescribed", "[program]") {
  Program p;
  p.log("back-extension", "3x12@20kg rir4", "2026-09-07");
  p.log("back-extension", "12,12,10@20kg rir2", "2026-09-10");
  json program = json::parse(p.out({"program", "--date", "2026-09-11", "--format", "json"}));
  std::vector<std::string> status;
  for (const auto& week : program["weeks"]) {
    for (const auto& session : week["sessions"]) status.push_back(session["status"]);
  }
  REQUIRE(status.size() == 12);
  CHECK(status[0] == "done");
  CHECK(status[1] == "done");
  CHECK(status[2] == "next");
  CHECK(status[11] == "ahead");
  json done = item_of(program["weeks"][0]["sessions"][1], "back-extension");
  CHECK(done["reps"] == 12);
  CHECK(done["logged"]["sets"][2]["count"] == 10);
  // Ahead, the plan goes on as written from where the log left it.
  CHECK(item_of(program["weeks"][1]["sessions"][0], "back-extension")["reps"] == 12);
  CHECK(item_of(program["weeks"][1]["sessions"][1], "back-extension")["reps"] == 13);
  lbtrain::test::check_golden("program-lockout.txt", p.out({"program", "--date", "2026-09-11"}));
  lbtrain::test::check_golden("next-lockout.sheet", p.out({"next", "--date", "2026-09-11", "--format", "sheet"}));
}

TEST_CASE("program: plan stays pure, whatever the log holds", "[program]") {
  Program p;
  std::vector<std::string> args{"plan", "--goal", "lockout", "--weeks", "6", "--start", "2026-09-07", "--on", "mon,thu",
                                "--format", "json"};
  std::string before = run_lbtrain(args).out;
  REQUIRE_FALSE(before.empty());
  p.log("back-extension", "3x12@20kg rir4", "2026-09-07");
  CHECK(run_lbtrain(args, {"LBTRAIN_DB=" + p.path}).out == before);
}

TEST_CASE("program: calendar events keep their UIDs across exports and carry a growing SEQUENCE", "[program]") {
  Program p;
  auto uids = [&](const std::string& ics) {
    std::vector<std::string> list;
    for (std::size_t at = ics.find("UID:"); at != std::string::npos; at = ics.find("UID:", at + 1)) {
      list.push_back(ics.substr(at, ics.find("\r\n", at) - at));
    }
    return list;
  };
  std::string first = p.out({"program", "--date", "2026-09-07", "--format", "ics"});
  p.log("back-extension", "3x12@20kg rir4", "2026-09-08");  // a day late: later sessions move
  std::string second = p.out({"program", "--date", "2026-09-09", "--format", "ics"});
  CHECK(uids(first).size() == 12);
  CHECK(uids(first) == uids(second));
  CHECK(first.find("SEQUENCE:0") != std::string::npos);
  CHECK(second.find("SEQUENCE:1") != std::string::npos);
  CHECK(second.find("Target: 20 kg (logged 2026-09-08)") != std::string::npos);
}

TEST_CASE("program: start refuses to replace a program unasked, and screening's refusal saves nothing", "[program]") {
  Program p;
  auto again = p.run({"start", "--goal", "lordosis", "--start", "2026-09-07"});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("already current") != std::string::npos);
  CHECK(again.err.find("--force") != std::string::npos);
  auto refused = p.run({"start", "--goal", "lordosis", "--injury", "--force"});
  CHECK(refused.exit_code == 5);
  CHECK(p.out({"next", "--date", "2026-09-07"}).find("Deadlift lockout") != std::string::npos);
  p.out({"start", "--goal", "lordosis", "--start", "2026-09-07", "--force"});
  CHECK(p.out({"next", "--date", "2026-09-07"}).find("Lordosis") != std::string::npos);
}

TEST_CASE("program: next and program without a program, a bad date or increment say what to do", "[program]") {
  std::string db = lbtrain::test::temp_dir() + "/none.db";
  auto none = run_lbtrain({"next", "--db", db});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("lbtrain start --goal") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));
  Program p;
  for (const char* bad : {"2026-13-01", "9999-12-30", "0001-01-01", "\x1b[31mred"}) {
    auto date = p.run({"next", "--date", bad});
    CHECK(date.exit_code == 2);
    CHECK(date.err.find("YYYY-MM-DD") != std::string::npos);
    CHECK(date.err.find('\x1b') == std::string::npos);
  }
  auto step = p.run({"next", "--increment", "lots"});
  CHECK(step.exit_code == 2);
  CHECK(step.err.find("2.5kg or 5lb") != std::string::npos);
}

TEST_CASE("program: the load step comes from --increment or the setting, in the log's unit", "[program]") {
  Program p;
  p.log("back-extension", "3x12@45lb rir4", "2026-09-07");
  p.log("back-extension", "3x12@45lb rir4", "2026-09-10");
  p.log("back-extension", "13,12,11@45lb rir2", "2026-09-14");
  p.log("back-extension", "13,12,11@45lb rir2", "2026-09-17");
  json item = item_of(p.next("2026-09-18"), "back-extension");
  CHECK(item["target_load"]["value"] == 40);  // 45 lb less 10%, to the 5 lb step
  CHECK(item["target_load"]["unit"] == "lb");
  json two = json::parse(p.out({"next", "--date", "2026-09-18", "--format", "json", "--increment", "2.5lb"}));
  CHECK(item_of(session_of(two), "back-extension")["target_load"]["value"] == 40);
  json fine = json::parse(p.out({"next", "--date", "2026-09-18", "--format", "json", "--increment", "1lb"}));
  CHECK(item_of(session_of(fine), "back-extension")["target_load"]["value"] == 41);
  // The increment setting, a bare number in the unit setting's unit; --increment wins over it.
  auto with_setting = [&](std::vector<std::string> args, const std::vector<std::string>& env) {
    args.insert(args.end(), {"--db", p.path});
    auto r = run_lbtrain(args, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  };
  const std::vector<std::string> one_lb{"LBTRAIN_INCREMENT=1", "LBTRAIN_UNIT=lb"};
  json set = with_setting({"next", "--date", "2026-09-18", "--format", "json"}, one_lb);
  CHECK(item_of(session_of(set), "back-extension")["target_load"]["value"] == 41);
  json given = with_setting({"next", "--date", "2026-09-18", "--format", "json", "--increment", "5lb"}, one_lb);
  CHECK(item_of(session_of(given), "back-extension")["target_load"]["value"] == 40);
  // A bad setting is named as the setting, not as --increment.
  auto bad = run_lbtrain({"next", "--date", "2026-09-18", "--db", p.path}, {"LBTRAIN_INCREMENT=lots"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("LBTRAIN_INCREMENT: \"lots\"") != std::string::npos);
}

TEST_CASE("program: when every session is logged, next says so", "[program]") {
  const lbtrain::test::Log log;
  log.ok({"start", "--goal", "lockout", "--weeks", "1", "--start", "2026-09-07", "--on", "mon"});
  log.ok({"log", "back-extension", "3x12@20kg", "rir4", "--date", "2026-09-07"});
  CHECK(log.out({"next", "--date", "2026-09-08"}).find("Every session of this program is logged (1 in all)") !=
        std::string::npos);
  json done = json::parse(log.out({"next", "--date", "2026-09-08", "--format", "json"}));
  CHECK(done["weeks"].empty());
}
