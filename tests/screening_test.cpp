#include "helpers.hpp"

#include "lbtrain/error.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

using namespace lbtrain;
using test::run_lbtrain;

namespace {

PlanOptions request(std::vector<std::string> goals, std::vector<std::string> flags, const char* weeks = "4") {
  PlanOptions o;
  o.goals = std::move(goals);
  o.flags = std::move(flags);
  o.weeks = weeks;
  return o;
}

/// Exercise ids of a week's first session, main block only or every block.
std::vector<std::string> ids(const Plan& plan, int week, bool main_only = true) {
  std::vector<std::string> out;
  for (const auto& block : plan.weeks_list.at(week - 1).sessions.at(0).blocks) {
    if (main_only && block.kind != BlockKind::main) continue;
    for (const auto& item : block.items) out.push_back(item.exercise.id);
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

bool any_tagged(const Plan& plan, const std::string& tag, int from_week = 1, int to_week = 99) {
  for (const auto& week : plan.weeks_list) {
    if (week.number < from_week || week.number > to_week) continue;
    for (const auto& session : week.sessions) {
      for (const auto& block : session.blocks) {
        for (const auto& item : block.items) {
          if (test::builtin().catalogue.find(item.exercise.id)->has_tag(tag)) return true;
        }
      }
    }
  }
  return false;
}

const Prescription& item(const Plan& plan, int week, const std::string& id) {
  for (const auto& block : plan.weeks_list.at(week - 1).sessions.at(0).blocks) {
    for (const auto& i : block.items) {
      if (i.exercise.id == id) return i;
    }
  }
  FAIL("no " << id << " in week " << week);
  throw 0;
}

bool has_note(const Plan& plan, const std::string& text) {
  return std::any_of(plan.notes.begin(), plan.notes.end(),
                     [&](const Note& n) { return n.text.find(text) != std::string::npos; });
}

const std::vector<std::string> all_goals{"lockout", "lordosis", "kyphosis", "general"};

}  // namespace

TEST_CASE("screening: --injury: no plan, a referral, its own exit status", "[screening]") {
  for (const auto& goal : all_goals) {
    auto r = run_lbtrain({"plan", "--goal", goal, "--injury"});
    INFO(goal);
    CHECK(r.exit_code == 5);
    CHECK(r.err.empty());
    CHECK(r.out.find("doctor or a physical therapist") != std::string::npos);
    CHECK(r.out.find("Week 1") == std::string::npos);
  }
}

TEST_CASE("screening: --injury with JSON is a refusal object, not a crash", "[screening]") {
  auto r = run_lbtrain({"plan", "--goal", "lockout", "--cannot-hinge", "--injury", "--format", "json"});
  CHECK(r.exit_code == 5);
  auto refusal = nlohmann::json::parse(r.out);
  CHECK(refusal["refused"] == true);
  CHECK(refusal["screening"] == "injury");
  CHECK(refusal["reason"].get<std::string>().find("physical therapist") != std::string::npos);
  CHECK_FALSE(refusal.contains("weeks"));
}

TEST_CASE("screening: --injury with -o writes no file", "[screening]") {
  std::string path = test::temp_dir() + "/plan.txt";
  auto r = run_lbtrain({"plan", "--goal", "general", "--injury", "-o", path});
  CHECK(r.exit_code == 5);
  CHECK(r.out.empty());
  CHECK(r.err.find("physical therapist") != std::string::npos);
  struct stat info {};
  CHECK(::stat(path.c_str(), &info) != 0);
}

TEST_CASE("screening: --cannot-hinge: hinge drills first, back extensions from week 3", "[screening]") {
  Plan plan = test::make_plan(request({"lockout"}, {"cannot-hinge"}, "6"));
  auto week1 = ids(plan, 1);
  REQUIRE_FALSE(week1.empty());
  CHECK(test::builtin().catalogue.find(week1.front())->has_tag("hinge-drill"));
  CHECK_FALSE(any_tagged(plan, "back-extension", 1, 2));
  CHECK_FALSE(any_tagged(plan, "loaded-hinge", 1, 2));
  CHECK(contains(ids(plan, 3), "back-extension"));
  // The back extension starts its own block when it enters.
  CHECK(item(plan, 3, "back-extension").value == 12);
  CHECK(item(plan, 4, "back-extension").load == "same load as week 3");
  CHECK(plan.weeks_list[2].note.find("New phase") == 0);
  CHECK(has_note(plan, "they enter in week 3"));
}

TEST_CASE("screening: --cannot-hinge in a short plan keeps loaded hinges out entirely", "[screening]") {
  for (const auto& goal : {"lockout", "general"}) {
    Plan plan = test::make_plan(request({goal}, {"cannot-hinge"}, "2"));
    INFO(goal);
    CHECK_FALSE(any_tagged(plan, "back-extension"));
    CHECK_FALSE(any_tagged(plan, "loaded-hinge"));
    CHECK(has_note(plan, "this 2-week plan ends before week 3"));
  }
}

TEST_CASE("screening: --hips-rise-early: no back extensions, leg loading instead", "[screening]") {
  for (const auto& goal : all_goals) {
    Plan plan = test::make_plan(request({goal}, {"hips-rise-early"}, "6"));
    INFO(goal);
    CHECK_FALSE(any_tagged(plan, "back-extension"));
    CHECK(contains(ids(plan, 1), "leg-press"));
  }
  PlanOptions home = request({"lockout"}, {"hips-rise-early"});
  home.equipment = "dumbbell";
  CHECK(contains(ids(test::make_plan(home), 1), "goblet-squat"));
}

TEST_CASE("screening: --squat-pain: air squats and back-friendly legs, loaded squats only later", "[screening]") {
  PlanOptions o = request({"lockout"}, {"squat-pain", "hips-rise-early"}, "6");
  o.equipment = "dumbbell";
  Plan plan = test::make_plan(o);
  CHECK(contains(ids(plan, 1), "air-squat"));
  CHECK(item(plan, 1, "air-squat").load == "no load: move through the pattern");
  CHECK_FALSE(any_tagged(plan, "loaded-squat", 1, 2));
  CHECK(any_tagged(plan, "loaded-squat", 3, 6));
  CHECK(contains(ids(plan, 1), "split-squat"));
  CHECK(item(plan, 1, "split-squat").load == "light: about half your usual load, pain-free");
  CHECK(contains(ids(plan, 1), "single-leg-box-squat"));
  CHECK(contains(ids(plan, 3), "goblet-squat"));
  CHECK(has_note(plan, "no loaded squats for the first two weeks"));
}

TEST_CASE("screening: --weakness changes the back extension's dose as the article says", "[screening]") {
  auto dosed = [](const char* weakness) {
    PlanOptions o = request({"lockout"}, {});
    o.choices["weakness"] = weakness;
    return item(test::make_plan(o), 1, "back-extension");
  };
  auto plain = item(test::make_plan(request({"lockout"}, {})), 1, "back-extension");
  auto start = dosed("start");
  CHECK_FALSE(start.tempo.empty());
  CHECK(start.rir->min > plain.rir->min);
  CHECK_THAT(start.load, Catch::StartsWith("light"));
  auto lockout = dosed("lockout");
  CHECK(lockout.value > plain.value);
  CHECK(lockout.rir->max <= 3);
  auto fatigue = dosed("fatigue");
  CHECK_FALSE(fatigue.tempo.empty());
  CHECK(fatigue.value >= 20);
  CHECK_THAT(fatigue.load, Catch::Contains("bodyweight"));
}

TEST_CASE("screening: --weakness leaves plans without a back extension alone", "[screening]") {
  PlanOptions o = request({"lordosis"}, {});
  o.choices["weakness"] = "lockout";
  Plan plan = test::make_plan(o);
  CHECK_FALSE(any_tagged(plan, "back-extension"));
  CHECK_FALSE(has_note(plan, "Where the deadlift fails"));
}

TEST_CASE("screening: --exclude removes an exercise and the next candidate fills its slot", "[screening]") {
  PlanOptions o = request({"lockout"}, {});
  o.exclude = {"back-extension"};
  Plan plan = test::make_plan(o);
  CHECK(contains(ids(plan, 1), "stability-ball-back-extension"));
  CHECK_FALSE(contains(ids(plan, 1, false), "back-extension"));
  CHECK(has_note(plan, "Left out at your request: Back extension (45-degree)."));
}

TEST_CASE("screening combined with goals and each other: safety always wins", "[screening]") {
  std::vector<std::vector<std::string>> flag_sets{
      {"cannot-hinge"}, {"hips-rise-early"}, {"squat-pain"}, {"cannot-hinge", "hips-rise-early", "squat-pain"}};
  for (const auto& goal : all_goals) {
    for (const auto& flags : flag_sets) {
      for (const char* weakness : {"", "start", "lockout", "fatigue"}) {
        PlanOptions o = request({goal, "lordosis"}, flags, "5");
        if (*weakness) o.choices["weakness"] = weakness;
        Plan plan = test::make_plan(o);
        INFO(goal << " " << flags.front() << " " << weakness);
        CHECK_FALSE(any_tagged(plan, "lumbar-extension"));
        CHECK_FALSE(any_tagged(plan, "hip-flexor-strength"));
        bool hips = contains(flags, "hips-rise-early");
        if (hips) CHECK_FALSE(any_tagged(plan, "back-extension"));
        if (contains(flags, "cannot-hinge")) CHECK_FALSE(any_tagged(plan, "loaded-hinge", 1, 2));
        if (contains(flags, "squat-pain")) CHECK_FALSE(any_tagged(plan, "loaded-squat", 1, 2));
      }
    }
  }
}

TEST_CASE("bad screening values are usage errors with suggestions", "[screening][cli]") {
  auto r = run_lbtrain({"plan", "--goal", "lockout", "--weakness", "lockot"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "lbtrain: error: --weakness: unknown value \"lockot\"; did you mean \"lockout\"? allowed: fatigue, lockout, start\n");
  r = run_lbtrain({"plan", "--goal", "lockout", "--exclude", "bak-extension"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("lbtrain: error: --exclude: unknown exercise \"bak-extension\"; did you mean \"back-extension\"?"));
}

TEST_CASE("plan --help documents every screening option", "[screening][cli]") {
  auto help = run_lbtrain({"plan", "--help"}).out;
  for (const auto& s : test::builtin().rules.screening) {
    INFO(s.id);
    CHECK(help.find("--" + s.id) != std::string::npos);
  }
  CHECK(help.find("5  refused") != std::string::npos);
}
