// `lbtrain done` and the entries a lifter can name (`log entries`, `log undo ID`, the warning on
// the same sets typed twice), end to end on the real binary.

#include "support/helpers.hpp"
#include "support/program_log.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>

using lbtrain::test::count;
using lbtrain::test::ProgramLog;
using lbtrain::test::RunResult;
using nlohmann::json;

namespace {

struct Lockout : ProgramLog {
  Lockout() : ProgramLog({"--goal", "lockout", "--weeks", "4"}) {}
  /// The first session with the loads it needs (the log knows none yet).
  RunResult first_done(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{"done", "--date", "2026-09-07", "--except", "back-extension 3x12@20kg rir4",
                                  "--except", "pallof-press 3x10@10kg rir3"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  }
  json entries() const { return json::parse(out({"log", "entries", "--format", "json"}))["entries"]; }
  /// The export's rows of `exercise_id` on `date`.
  std::size_t rows(const std::string& exercise_id, const std::string& date) const {
    return lbtrain::test::count(out({"log", "export", "--format", "csv"}), date + "," + exercise_id + ",");
  }
};

/// `text` with the notes' wrapped lines joined again ("\n  " made a space).
std::string unwrapped(std::string text) {
  for (std::size_t at = text.find("\n  "); at != std::string::npos; at = text.find("\n  ", at)) text.replace(at, 3, " ");
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::string headline(const json& plan) {
  return std::to_string(plan["weeks"][0]["number"].get<int>()) + "." +
         std::to_string(plan["weeks"][0]["sessions"][0]["day"].get<int>());
}

}  // namespace

TEST_CASE("done: logs the next session as one entry, and next moves on to the session after it", "[done]") {
  Lockout p;
  CHECK(headline(p.next_plan("2026-09-07")) == "1.1");
  RunResult r = p.first_done();
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Logged week 1 day 1 on 2026-09-07 (entry 1):\n") == 0);
  CHECK(r.out.find("  Back extension (45-degree): 3 x 12 @ 20 kg, RIR 4\n") != std::string::npos);
  CHECK(r.out.find("  Side plank: 3 x 20 s per side (as prescribed)\n") != std::string::npos);
  CHECK(r.out.find("Next: Thu 2026-09-10, week 1 day 2: Back extension (45-degree) 3 x 12 @ 20 kg") !=
        std::string::npos);
  CHECK(headline(p.next_plan("2026-09-07")) == "1.2");
  CHECK(p.entries().size() == 1);
  CHECK(p.entries()[0]["sets"] == 9);
  // The second session: every load known now, so nothing but `done`.
  r = p.run({"done", "--date", "2026-09-10"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("  Back extension (45-degree): 3 x 12 @ 20 kg, RIR 3 (as prescribed)\n") != std::string::npos);
  CHECK(headline(p.next_plan("2026-09-10")) == "2.1");
  // One entry each: undo takes the whole session back, and next gives it again.
  CHECK(p.out({"log", "undo"}).find("(9 sets)") != std::string::npos);
  CHECK(headline(p.next_plan("2026-09-10")) == "1.2");
}

TEST_CASE("done: a date with a session logged is refused, naming the entry, unless --again", "[done]") {
  Lockout p;
  REQUIRE(p.first_done().exit_code == 0);
  RunResult r = p.first_done();
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("week 1 day 1 is logged on 2026-09-07 already (entry 1") != std::string::npos);
  CHECK(r.err.find("--again") != std::string::npos);
  CHECK(p.entries().size() == 1);
  r = p.run({"done", "--date", "2026-09-07", "--again"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Logged week 1 day 2 on 2026-09-07 (entry 2)") == 0);
}

TEST_CASE("done: --except logs what was done, --skip leaves an exercise out", "[done]") {
  Lockout p;
  REQUIRE(p.first_done({"--skip", "side-plank"}).exit_code == 0);
  CHECK(p.rows("back-extension", "2026-09-07") == 3);
  CHECK(p.rows("side-plank", "2026-09-07") == 0);
  std::string csv = p.out({"log", "export", "--format", "csv"});
  CHECK(csv.find("2026-09-07,back-extension,Back extension (45-degree),1,12,,,20,kg,4,") != std::string::npos);
  RunResult r = p.run({"done", "--date", "2026-09-10", "--except", "back-extension 12,12,10@20kg rir 3,2,0"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("  Back extension (45-degree): 12, 12, 10 @ 20 kg, RIR 3, 2, 0\n") != std::string::npos);
  CHECK(p.rows("side-plank", "2026-09-10") == 3);
}

TEST_CASE("done: an exercise not in the session, or a load the log lacks, is refused with nothing written",
          "[done]") {
  Lockout p;
  RunResult r = p.run({"done", "--date", "2026-09-07"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--except \"back-extension 3x12@LOAD\"") != std::string::npos);
  r = p.first_done({"--skip", "side-plnk"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("\"side-plnk\" is not a main exercise of week 1 day 1; did you mean \"side-plank\"?") !=
        std::string::npos);
  r = p.first_done({"--except", "goblet-squat 3x8@16kg"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("not a main exercise of week 1 day 1") != std::string::npos);
  CHECK(p.entries().empty());
  r = p.run({"done", "--date", "2026-09-07", "--except", "back-extension 3x12@20kg", "--except", "pallof 3x10@10kg"});
  CHECK(r.exit_code == 2);
  CHECK(p.entries().empty());
}

TEST_CASE("log entries lists ids, log undo ID takes back that entry alone, and the same sets twice warn",
          "[done][log]") {
  Lockout p;
  p.log("rdl", "3x8@60kg", "2026-09-08");
  RunResult r = p.run({"log", "rdl", "3x8@60kg", "--date", "2026-09-08"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning: entry 1 has these sets of Romanian deadlift (barbell) on 2026-09-08 already") !=
        std::string::npos);
  r = p.run({"log", "rdl", "3x8@62.5kg", "--date", "2026-09-08"});
  CHECK(r.err.empty());
  std::string list = p.out({"log", "entries"});
  CHECK(list.find("    2  2026-09-08      3  Romanian deadlift (barbell): 3 x 8 @ 60 kg\n") != std::string::npos);
  CHECK(p.out({"log", "undo", "2"}) == "Removed entry 2: 2026-09-08 Romanian deadlift (barbell): 3 x 8 @ 60 kg (3 sets).\n");
  json entries = p.entries();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0]["id"] == 3);
  CHECK(entries[1]["id"] == 1);
  r = p.run({"log", "undo", "2"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("has no entry 2") != std::string::npos);
  // --limit: a negative or a huge number says it plainly (CLI11 printed a 300-digit range).
  r = p.run({"log", "entries", "-n", "-1"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--limit: -1 is not a number of entries; allowed: 0 (all) or more") != std::string::npos);
  CHECK(p.out({"log", "entries", "-n", "99999999999"}) == p.out({"log", "entries", "-n", "0"}));
}

TEST_CASE("short text: next fits 80x40 with the stop rule, plan says cues once, --details says all", "[short]") {
  Lockout p;
  REQUIRE(p.first_done().exit_code == 0);
  RunResult next = p.run({"next", "--date", "2026-09-08"});
  REQUIRE(next.exit_code == 0);
  CHECK(count(next.out, "\n") <= 40);
  CHECK(next.out.find("When to stop:") != std::string::npos);
  CHECK(next.out.find("Safety:  Brace: ribs down") != std::string::npos);
  CHECK(next.out.find("Target:  20 kg") != std::string::npos);
  CHECK(next.out.find("Cue:") == std::string::npos);
  CHECK(next.out.find("Sources") == std::string::npos);
  RunResult details = p.run({"next", "--date", "2026-09-08", "--details"});
  CHECK(details.out.find("Cue:") != std::string::npos);
  CHECK(details.out.find("Sources") != std::string::npos);

  auto plan = lbtrain::test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "4"}, {"COLUMNS=80"});
  REQUIRE(plan.exit_code == 0);
  CHECK(count(plan.out, "Safety:  Brace: ribs down") == 1);
  CHECK(count(plan.out, "Cue:     Drive the hips into the pad") == 1);
  for (const char* dose : {"3 x 12                  RIR 3-5", "3 x 13                  RIR 2-4",
                           "3 x 14                  RIR 1-3", "3 x 25 s per side", "3 x 30 s per side"}) {
    CHECK(plan.out.find(dose) != std::string::npos);
  }
  CHECK(plan.out.find("When to stop:") != std::string::npos);
  CHECK(unwrapped(plan.out).find("see a doctor or physical therapist at once") != std::string::npos);
  // Every safety cue of the plan, the first time its exercise appears.
  auto json_plan = json::parse(
      lbtrain::test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "4", "--format", "json"}).out);
  for (const auto& block : json_plan["weeks"][0]["sessions"][0]["blocks"]) {
    for (const auto& item : block["items"]) {
      for (const auto& cue : item["safety"]) CHECK(count(plan.out, cue.get<std::string>()) == 1);
    }
  }
  // The weeks are compact: the same warm-up and cool-down is one line after week 1.
  CHECK(count(plan.out, "Warm-up (about 7 min): as in week 1\n") == 3);
  CHECK(count(plan.out, "Glute bridge") == 1);
  // Each note keeps the keys of its sources; the full text and the sources are in --details.
  CHECK(plan.out.find("- Choosing the first load: after the warm-up") != std::string::npos);
  CHECK(plan.out.find("[BE; LB]\n") != std::string::npos);
  CHECK(plan.out.find("Notes (each in full, and where in its sources: --details)\n") != std::string::npos);
  CHECK(plan.out.find("LB  \"Do You Need to Train Your Lower Back?\"") != std::string::npos);
  CHECK(count(plan.out, "\n") <= 100);
  auto full = lbtrain::test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "4", "--details"}, {"COLUMNS=80"});
  CHECK(count(full.out, "Safety:  Brace: ribs down") == 4);
  CHECK(count(full.out, "Glute bridge") == 4);
  CHECK(full.out.find("name which week's load to use. [BE: sample back extension program (reps in") !=
        std::string::npos);
  CHECK(full.out.find("SQ  \"Lower Back Pain During Squats (Fix Muscular Imbalances)\" by Ire, personal\n") !=
        std::string::npos);
  CHECK(count(full.out, "\n") > 250);
}

namespace {

/// `done` for the first session (2026-09-07), with 10 kg for each loaded exercise the log has no
/// load for yet (done names them, with the --except each needs).
RunResult first_session_done(const ProgramLog& p, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"done", "--date", "2026-09-07"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = p.run(args);
  if (r.exit_code == 0) return r;
  const std::string marker = "--except \"";
  for (std::size_t at = r.err.find(marker); at != std::string::npos; at = r.err.find(marker, at + 1)) {
    std::size_t start = at + marker.size();
    std::string except = r.err.substr(start, r.err.find('"', start) - start);
    except.replace(except.find("@LOAD"), 5, "@10kg");
    args.insert(args.end(), {"--except", except});
  }
  return p.run(args);
}

}  // namespace

TEST_CASE("short text: next fits 80x40 for each goal after start and a first session", "[short]") {
  for (const char* goal : {"lockout", "lordosis", "kyphosis", "general"}) {
    INFO(goal);
    ProgramLog p({"--goal", goal});
    RunResult first = first_session_done(p);
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    RunResult next = lbtrain::test::run_lbtrain({"next", "--date", "2026-09-08", "--db", p.path}, {"COLUMNS=80"});
    INFO(next.out);
    REQUIRE(next.exit_code == 0);
    CHECK(count(next.out, "\n") <= 40);
    CHECK(unwrapped(next.out).find("see a doctor or physical therapist at once") != std::string::npos);
    CHECK(next.out.find("Safety:  ") != std::string::npos);
  }
}

namespace {

/// `lbtrain ARGS` on a pseudo-terminal (script -qc, 24 rows) with a fake pager that marks every
/// line it shows; returns what the terminal showed.
std::string on_terminal(const std::string& args, const std::vector<std::string>& env) {
  std::string typescript = lbtrain::test::temp_dir() + "/typescript";
  std::vector<std::string> all{"LINES=24", "PAGER=sed s/^/PAGED:/", "LBTRAIN_PAGER=", "NO_COLOR=1",
                               "XDG_CONFIG_HOME=/nonexistent/lbtrain-tests"};
  all.insert(all.end(), env.begin(), env.end());
  auto r = lbtrain::test::run_program("script", {"-qc", std::string(LBTRAIN_BINARY) + " " + args, typescript}, all);
  CHECK(r.exit_code == 0);
  return lbtrain::test::read_file(typescript);
}

}  // namespace

TEST_CASE("pager: tall output on a terminal goes through the pager, never in a pipe, a file or with --no-pager",
          "[pager]") {
  // Every line of the plan (taller than the 24-row terminal) goes through the pager.
  const std::size_t plan_lines = count(lbtrain::test::run_lbtrain({"plan", "--goal", "lockout"}).out, "\n");
  REQUIRE(plan_lines > 24);
  std::string shown = on_terminal("plan --goal lockout", {});
  CHECK(count(shown, "PAGED:") == plan_lines);
  CHECK(shown.find("PAGED:Week 4 of 4") != std::string::npos);
  // LBTRAIN_PAGER comes before PAGER; off, --no-pager, a file and a short text page nothing.
  CHECK(count(on_terminal("plan --goal lockout", {"LBTRAIN_PAGER=sed s/^/OWN:/"}), "OWN:") == plan_lines);
  CHECK(count(on_terminal("plan --goal lockout", {"LBTRAIN_PAGER=off"}), "PAGED:") == 0);
  CHECK(count(on_terminal("plan --goal lockout --no-pager", {}), "PAGED:") == 0);
  std::string dir = lbtrain::test::temp_dir();
  CHECK(count(on_terminal("plan --goal lockout -o " + dir + "/plan.txt", {}), "PAGED:") == 0);
  CHECK(lbtrain::test::read_file(dir + "/plan.txt").find("Week 4 of 4") != std::string::npos);
  CHECK(count(on_terminal("exercises show side-plank", {}), "PAGED:") == 0);
  // A pager that is not there: the text is printed without it, with a warning, not lost.
  std::string missing = on_terminal("plan --goal lockout", {"LBTRAIN_PAGER=lbtrain-no-such-pager"});
  CHECK(missing.find("Week 4 of 4") != std::string::npos);
  CHECK(missing.find("the pager \"lbtrain-no-such-pager\" could not run") != std::string::npos);
  // In a pipe: never.
  auto piped = lbtrain::test::run_lbtrain({"plan", "--goal", "lockout"}, {"PAGER=sed s/^/PAGED:/"});
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.find("PAGED:") == std::string::npos);
}

TEST_CASE("done through an easier week: next says nothing of cool-down drills it does not log", "[done][program]") {
  // Found scripting a lifter through 12 weeks: done logs the main block, and from the easier week
  // on next said of each stretch "was not logged on ...; the plan goes on as written".
  ProgramLog p({"--goal", "lockout", "--weeks", "6"});
  REQUIRE(p.run({"done", "--date", "2026-09-07", "--except", "back-extension 3x12@20kg rir4", "--except",
                 "pallof-press 3x10@10kg rir3"})
              .exit_code == 0);
  const std::vector<std::string> dates{"2026-09-10", "2026-09-14", "2026-09-17", "2026-09-21", "2026-09-24",
                                       "2026-09-28", "2026-10-01", "2026-10-05", "2026-10-08"};
  for (const auto& date : dates) REQUIRE(p.run({"done", "--date", date}).exit_code == 0);
  std::string next = p.out({"next", "--date", "2026-10-12"});
  CHECK(next.find("Week 6 of 6") != std::string::npos);
  CHECK(next.find("was not logged") == std::string::npos);
  // A main exercise left out still gets its word.
  p.log("back-extension", "3x12@21.25kg rir4", "2026-10-12");
  next = p.out({"next", "--date", "2026-10-15"});
  const auto pallof = next.find("Pallof press (cable)");
  REQUIRE(pallof != std::string::npos);
  CHECK(next.find("Why:     Not logged on 2026-10-12", pallof) != std::string::npos);
}

TEST_CASE("done --pain: the session's back pain on every exercise's sets, an --except's own kept, a bad value writes nothing",
          "[done][pain]") {
  Lockout p;
  for (const char* bad : {"11", "-1", "abc", "2.5", "", "100"}) {
    INFO(bad);
    RunResult r = p.first_done({"--pain", bad});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(std::string("--pain: \"") + bad + "\" is not a back pain; allowed: a whole number from 0") !=
          std::string::npos);
    CHECK(p.entries().empty());
  }
  RunResult r = p.run({"done", "--date", "2026-09-07", "--pain", "3", "--except", "back-extension 3x12@20kg rir4",
                       "--except", "pallof-press 3x10@10kg rir3 pain 5"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("  Back extension (45-degree): 3 x 12 @ 20 kg, RIR 4; back pain 3/10\n") != std::string::npos);
  CHECK(r.out.find("  Pallof press (cable): 3 x 10 per side @ 10 kg, RIR 3; back pain 5/10\n") != std::string::npos);
  CHECK(r.out.find("  Side plank: 3 x 20 s per side; back pain 3/10 (as prescribed)\n") != std::string::npos);
  // The export's pain column, the last: every set of the entry has one.
  const std::string csv = p.out({"log", "export", "--format", "csv"});
  CHECK(count(csv, ",3\r\n") == 6);  // back extension and side plank, 3 sets each
  CHECK(count(csv, ",5\r\n") == 3);  // the Pallof press's own
  CHECK(p.entries().size() == 1);
  // The pain traffic light reads it: amber repeats the back extension's dose.
  // (Said once for the back extension and the side plank, at the session's top.)
  std::string amber = p.out({"next", "--date", "2026-09-10"});
  for (auto at = amber.find("\n    "); at != std::string::npos; at = amber.find("\n    ", at)) amber.replace(at, 5, " ");
  CHECK(amber.find("Why for Back extension (45-degree) and Side plank: Amber on 2026-09-07 (back pain 3/10") !=
        std::string::npos);
  // Without --pain nothing is logged for pain.
  REQUIRE(p.run({"done", "--date", "2026-09-10"}).exit_code == 0);
  CHECK(count(p.out({"log", "export", "--format", "csv"}), ",\r\n") == 9);
}

namespace {

/// `lbtrain next --date DATE` of `p` at 80 columns, piped; checked for the stop rule and safety cues.
std::string next_at_80(const ProgramLog& p, const std::string& date) {
  RunResult next = lbtrain::test::run_lbtrain({"next", "--date", date, "--db", p.path}, {"COLUMNS=80"});
  REQUIRE(next.exit_code == 0);
  CHECK(unwrapped(next.out).find("see a doctor or physical therapist at once") != std::string::npos);
  CHECK(next.out.find("Safety:  ") != std::string::npos);
  return next.out;
}

/// `text` as one line: each line break and the indent after it become one space.
std::string flat(std::string text) {
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
    std::size_t end = text.find_first_not_of(' ', at + 1);
    text.replace(at, (end == std::string::npos ? text.size() : end) - at, " ");
  }
  return text;
}

}  // namespace

// Found measuring every goal, alone and combined, with each flag: next ran to 42-56 lines before
// a first session and 40-57 after it. A Why line or caution several exercises share is said once
// at the session's top, an exercise's safety cues run together, the Why lines no longer start with
// the exercise's name, and a warm-up or cool-down as the last session done had it is one
// paragraph. Still over 40 (a pager takes them): before the first session with --squat-pain
// (general 44, lordosis 49) and for combined goals (lockout,lordosis 50; three goals 52), and
// three goals after it (45) - every line there is a dose, a safety cue, a Why or the stop rule.
TEST_CASE("short text: next fits 80x40 before a first session, and after it with flags and two goals", "[short]") {
  const std::vector<std::vector<std::string>> programs{
      {"--goal", "lockout,lordosis"},       {"--goal", "lockout", "--squat-pain"},
      {"--goal", "lordosis", "--squat-pain"}, {"--goal", "kyphosis", "--squat-pain"},
      {"--goal", "general", "--squat-pain"}, {"--goal", "general", "--cannot-hinge"},
      {"--goal", "lordosis", "--equipment", "home"}, {"--goal", "lockout", "--level", "beginner"},
      {"--goal", "general", "--equipment", "none"}};
  for (const auto& options : programs) {
    INFO(options[1] + " " + (options.size() > 2 ? options[2] : ""));
    ProgramLog p(options);
    RunResult first = first_session_done(p, {"--pain", "1"});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    std::string out = next_at_80(p, "2026-09-08");
    INFO(out);
    CHECK(count(out, "\n") <= 40);
  }
  for (const char* goal : {"lockout", "lordosis", "kyphosis", "general"}) {
    INFO(goal);
    ProgramLog p({"--goal", goal});
    std::string out = next_at_80(p, "2026-09-07");
    INFO(out);
    CHECK(count(out, "\n") <= 40);
  }
}

TEST_CASE("short text: next says a shared caution once and a warm-up done before in one paragraph", "[short]") {
  ProgramLog p({"--goal", "general", "--squat-pain"});
  std::string first = next_at_80(p, "2026-09-07");
  // Four exercises share the squat-pain caution: said once, naming them, and under none of them.
  CHECK(count(first, "Caution") == 1);
  CHECK(flat(first).find("Caution for Air squat, Romanian deadlift (dumbbells), Leg press and Back extension "
                              "(45-degree): stop the set if back pain rises") != std::string::npos);
  CHECK(first.find("  Warm-up (about 11 min)\n") != std::string::npos);  // in full the first time
  REQUIRE(first_session_done(p, {"--pain", "1"}).exit_code == 0);
  std::string second = flat(next_at_80(p, "2026-09-08"));
  CHECK(second.find("Warm-up (about 11 min), as on Mon 2026-09-07: Bird dog 2 x 8 per side, Glute bridge 2 x 12, "
                    "Dowel hip hinge 2 x 10, Air squat 3 x 15") != std::string::npos);
  CHECK(second.find("Cool-down (about 7 min), as on Mon 2026-09-07, 1 x 10 breaths each: Child's pose, Lying "
                    "hamstring stretch (per side), Lying glute stretch (per side)") != std::string::npos);
  CHECK(second.find("Why for every main exercise: Green on 2026-09-07 (back pain 1/10 during)") != std::string::npos);
  // --details says it all, under each exercise.
  std::string details = p.out({"next", "--date", "2026-09-08", "--details"});
  CHECK(count(details, "Caution: ") == 4);
  CHECK(details.find(", as on Mon") == std::string::npos);
}
