#include "support/helpers.hpp"
#include "support/plans.hpp"

#include "lbtrain/model/error.hpp"
#include "lbtrain/format.hpp"
#include "plan/progression.hpp"
#include "lbtrain/screen.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <sys/stat.h>

using namespace lbtrain;
using lbtrain::test::has_note;
using test::run_lbtrain;

namespace {

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

const std::vector<std::string> all_goals{"lockout", "lordosis", "kyphosis", "general"};

/// The ids of every main exercise in week `week` (all sessions).
std::set<std::string> main_ids(const Plan& plan, int week) {
  std::set<std::string> out;
  for (const auto& session : plan.weeks_list.at(week - 1).sessions) {
    for (const auto& i : session.blocks[1].items) out.insert(i.exercise.id);
  }
  return out;
}

bool tagged(const std::string& id, const std::string& tag) { return test::builtin().catalogue.find(id)->has_tag(tag); }

std::unique_ptr<test::Selected> screened(PlanOptions o) { return test::select_for(o, test::builtin()); }

}  // namespace

TEST_CASE("screening: --injury: no plan, the warning signs, a referral, its own exit status", "[screening]") {
  for (const auto& goal : all_goals) {
    auto r = run_lbtrain({"plan", "--goal", goal, "--injury"});
    INFO(goal);
    CHECK(r.exit_code == 5);
    CHECK(r.err.empty());
    CHECK(r.out.find("doctor or a physical therapist") != std::string::npos);
    CHECK(r.out.find("pain that travels down a leg") != std::string::npos);
    CHECK(r.out.find("numbness or tingling") != std::string::npos);
    CHECK(r.out.find("--squat-pain") != std::string::npos);
    CHECK(r.out.find("BE: who should not do back extensions") != std::string::npos);
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

TEST_CASE("screen(): a refusal, or who takes part and what each answer changes", "[screening]") {
  const DataSet& data = test::builtin();
  PlanOptions o = test::plan_options({"general"}).flags({"squat-pain", "cannot-hinge", "injury"});
  auto refused = screen(resolve_request(o, resolve_output(o), data), data);
  REQUIRE(std::holds_alternative<Refusal>(refused));
  CHECK(std::get<Refusal>(refused).screening == "injury");
  o.flags = {"squat-pain", "cannot-hinge"};
  o.exclude = {"plank"};
  auto s = screened(o);
  const Screened& sc = s->screened;
  // Answers in the rules' order; the hinge drill goes first, squat-pain's slots after the goal.
  REQUIRE(sc.answers.size() == 2);
  CHECK(sc.answers[0].screening->id == "cannot-hinge");
  std::vector<std::string> order;
  for (const auto& p : sc.participants) order.push_back(p.id);
  CHECK(order == std::vector<std::string>{"cannot-hinge", "general", "squat-pain"});
  CHECK(sc.holds.size() == 2);
  CHECK(sc.doses.size() == 2);
  CHECK(sc.cautions.size() == 1);
  REQUIRE_FALSE(sc.exclusions.empty());
  CHECK(sc.exclusions.back().by_user);
  CHECK(sc.exclusions.back().select.ids == std::vector<std::string>{"plank"});
  // Unknown answers and exercises are usage errors.
  o.flags = {"cannot-hing"};
  CHECK_THROWS_AS(screen(resolve_request(o, resolve_output(o), data), data), Error);
  o.flags = {};
  o.exclude = {"plnak"};
  CHECK_THROWS_WITH(screen(resolve_request(o, resolve_output(o), data), data), Catch::Contains("did you mean \"plank\""));
}

TEST_CASE("screening: squat pain is never a refusal: light, pain-guided, no barbell hinge at first", "[screening]") {
  auto r = run_lbtrain({"plan", "--goal", "general", "--squat-pain", "--weeks", "1"});
  CHECK(r.exit_code == 0);
  Plan plan = test::make_plan(test::plan_options({"general"}).flags({"squat-pain"}).weeks("1"));
  for (const auto& id : main_ids(plan, 1)) {
    INFO(id);
    bool barbell_hinge = tagged(id, "loaded-hinge") && test::builtin().catalogue.find(id)->equipment.front() == "barbell";
    CHECK_FALSE(barbell_hinge);
    CHECK_FALSE(tagged(id, "loaded-squat"));
  }
  const Prescription& be = item(plan, 1, "back-extension");
  REQUIRE(be.rir);
  CHECK(be.rir->min >= 4);
  CHECK(be.caution.find("stop the set if back pain rises") == 0);
  CHECK(item(plan, 1, "air-squat").load == "no load: move through the pattern");
}

TEST_CASE("screening: after squat pain the squat comes back loaded, a pain-free step at a time", "[screening]") {
  Plan plan = test::make_plan(test::plan_options({"general"}).flags({"squat-pain"}).weeks("6"));
  CHECK_FALSE(any_tagged(plan, "loaded-squat", 1, 2));
  CHECK(main_ids(plan, 3).count("back-squat") == 1);
  bool gated = false;
  for (const auto& session : plan.weeks_list[2].sessions) {
    for (const auto& i : session.blocks[1].items) {
      if (i.exercise.id == "back-squat") {
        gated = i.gate.find("pain-free") != std::string::npos;
        CHECK(i.load == "about half your usual load for these reps: easy, and pain-free");
      }
    }
  }
  CHECK(gated);
  CHECK(plan.weeks_list[2].note.find("New this week, only if your last session was pain-free") == 0);
  // The plan ends with the squat loaded, the load still rising in pain-free steps.
  CHECK(main_ids(plan, 6).count("back-squat"));
  CHECK(has_note(plan, "Back squat (barbell) from week 3"));
  // Whatever slot a leg exercise fills, it keeps the pain-free instruction.
  PlanOptions both = test::plan_options({"lockout"}).flags({"squat-pain", "hips-rise-early"}).weeks("6");
  Plan legs = test::make_plan(both);
  for (int w = 1; w <= 4; ++w) {
    const Prescription& press = item(legs, w, "leg-press");
    INFO("week " << w);
    CHECK(press.caution.find("back pain rises") != std::string::npos);
    CHECK((press.load.find("pain-free") != std::string::npos));
  }
  // At home the goblet squat comes back the same way.
  PlanOptions home = test::plan_options({"general"}).flags({"squat-pain"}).weeks("6");
  home.equipment = "home";
  Plan at_home = test::make_plan(home);
  CHECK_FALSE(any_tagged(at_home, "loaded-squat", 1, 2));
  const Prescription* goblet = nullptr;
  for (const auto& session : at_home.weeks_list[2].sessions) {
    for (const auto& i : session.blocks[1].items) {
      if (i.exercise.id == "goblet-squat") goblet = &i;
    }
  }
  REQUIRE(goblet);
  CHECK(goblet->gate.find("pain-free") != std::string::npos);
  CHECK(goblet->caution.find("back pain rises") != std::string::npos);
}

TEST_CASE("screening: --cannot-hinge holds every loaded hinge back, then lets them in one at a time", "[screening]") {
  for (const auto& goal : all_goals) {
    Plan plan = test::make_plan(test::plan_options({goal}).flags({"cannot-hinge"}).weeks("10"));
    INFO(goal);
    CHECK(tagged(ids(plan, 1).front(), "hinge-drill"));
    CHECK_FALSE(any_tagged(plan, "back-extension", 1, 2));
    CHECK_FALSE(any_tagged(plan, "loaded-hinge", 1, 2));
    std::set<std::string> seen;
    for (int w = 1; w <= 10; ++w) {
      int entering = 0;
      for (const auto& id : main_ids(plan, w)) {
        bool hinge = tagged(id, "back-extension") || tagged(id, "loaded-hinge");
        if (hinge && seen.insert(id).second) ++entering;
      }
      INFO("week " << w);
      CHECK(entering <= 1);
      if (entering == 1) CHECK(plan.weeks_list[static_cast<std::size_t>(w - 1)].note.find("dowel test") != std::string::npos);
    }
  }
  // A hinge just let in starts light and far from failure until its next block, then follows
  // its own progression from that block's first week.
  PlanOptions hard = test::plan_options({"lockout"}).flags({"cannot-hinge"}).weeks("7");
  hard.choices["weakness"] = "lockout";
  Plan lockout = test::make_plan(hard);
  const Prescription& first = item(lockout, 3, "back-extension");
  CHECK(first.gate.find("you passed the dowel test") == 0);
  CHECK(first.sets == 2);
  CHECK(first.value == 10);
  CHECK(first.rir->min >= 5);
  CHECK(first.load.find("slow, far from failure") != std::string::npos);
  const Prescription& next = item(lockout, 4, "back-extension");
  CHECK(next.gate.empty());
  CHECK(next.load.find("if you have started it; not passed the dowel test yet?") != std::string::npos);
  CHECK(item(lockout, 6, "back-extension").value == 15);  // the weak-lockout dose, from the next block
  CHECK(item(lockout, 6, "back-extension").load == "choose the load that leaves 1-2 reps in reserve on every set");
  CHECK(has_note(lockout, "Back extension (45-degree) from week 3"));
}

TEST_CASE("screening: --cannot-hinge in a short plan keeps loaded hinges out entirely", "[screening]") {
  for (const auto& goal : {"lockout", "general", "lordosis"}) {
    Plan plan = test::make_plan(test::plan_options({goal}).flags({"cannot-hinge"}).weeks("2"));
    INFO(goal);
    CHECK_FALSE(any_tagged(plan, "back-extension"));
    CHECK_FALSE(any_tagged(plan, "loaded-hinge"));
    CHECK(has_note(plan, "wait beyond the end of this 2-week plan"));
  }
}

TEST_CASE("screening: --hips-rise-early: no back extensions, leg loading instead", "[screening]") {
  for (const auto& goal : all_goals) {
    Plan plan = test::make_plan(test::plan_options({goal}).flags({"hips-rise-early"}).weeks("6"));
    INFO(goal);
    CHECK_FALSE(any_tagged(plan, "back-extension"));
    CHECK(main_ids(plan, 1).count("leg-press"));
  }
  PlanOptions home = test::plan_options({"lockout"}).flags({"hips-rise-early"});
  home.equipment = "dumbbell";
  CHECK(contains(ids(test::make_plan(home), 1), "goblet-squat"));
}

TEST_CASE("screening: --weakness reads the article: four cases, four doses, no set over 90 s", "[screening]") {
  auto plan_for = [](const char* weakness) {
    PlanOptions o = test::plan_options({"lockout"});
    o.choices["weakness"] = weakness;
    return test::make_plan(o);
  };
  const Timing& timing = test::builtin().rules.timing;
  for (const char* weakness : {"start", "setup", "lockout", "fatigue"}) {
    Plan plan = plan_for(weakness);
    INFO(weakness);
    for (int w = 1; w <= 4; ++w) {
      const Prescription& be = item(plan, w, "back-extension");
      CHECK(be.value * rep_seconds(be.tempo, timing) <= 90);
      REQUIRE(be.rir);
      CHECK(be.rir->min >= 0);
    }
    CHECK(has_note(plan, "Where the deadlift is weak"));
  }
  // A bar that drifts forward: full-range hypertrophy work.
  Plan start = plan_for("start");
  CHECK(item(start, 1, "back-extension").tempo.empty());
  CHECK(item(start, 1, "back-extension").load.find("full range") != std::string::npos);
  CHECK(has_note(start, "through the full range"));
  // A poor start position: light, slow and controlled.
  Plan setup = plan_for("setup");
  CHECK(item(setup, 1, "back-extension").tempo == "3-1-2-1");
  CHECK(item(setup, 1, "back-extension").rir->min >= 5);
  CHECK(item(setup, 1, "back-extension").load.find("light") == 0);
  // Weak hips: harder sets, higher reps, little in reserve; the load rises, not the reps.
  Plan lockout = plan_for("lockout");
  for (int w = 1; w <= 4; ++w) {
    CHECK(item(lockout, w, "back-extension").value == 15);
    CHECK(format_rir(*item(lockout, w, "back-extension").rir) == "1-2");
  }
  // Tiring early: high reps with little or no load, and no slow tempo on top.
  Plan fatigue = plan_for("fatigue");
  CHECK(item(fatigue, 1, "back-extension").value >= 20);
  CHECK(item(fatigue, 1, "back-extension").tempo.empty());
}

TEST_CASE("screening: every answer is heard, even when it changes nothing", "[screening]") {
  PlanOptions o = test::plan_options({"lordosis"});
  o.choices["weakness"] = "lockout";
  Plan plan = test::make_plan(o);
  CHECK_FALSE(any_tagged(plan, "back-extension"));
  CHECK(has_note(plan, "Where the deadlift is weak: Weak hips in the mid-range or at lockout: this changes nothing in "
                       "this plan: it sets the back extension's dose, and this plan has no back extension."));
  PlanOptions hips = test::plan_options({"lockout"}).flags({"hips-rise-early"});
  hips.choices["weakness"] = "start";
  CHECK(has_note(test::make_plan(hips), "this changes nothing in this plan"));
}

TEST_CASE("screening: opposite postures are refused with the way to find out which one it is", "[screening]") {
  for (const auto& goals : std::vector<std::vector<std::string>>{{"lordosis", "kyphosis"}, {"ppt", "apt"},
                                                                  {"general", "kyphosis", "lordosis"}}) {
    std::vector<std::string> args{"plan"};
    for (const auto& g : goals) args.insert(args.end(), {"--goal", g});
    auto r = run_lbtrain(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("cannot be combined") != std::string::npos);
    CHECK(r.err.find("mirror") != std::string::npos);
    CHECK(r.err.find("lbtrain assess") != std::string::npos);
    CHECK(r.err.find("physical therapist") != std::string::npos);
  }
}

TEST_CASE("screening: posture plans ask to confirm the posture and reassess after each block", "[screening]") {
  for (const char* goal : {"lordosis", "kyphosis"}) {
    Plan plan = test::make_plan(test::plan_options({goal}));
    INFO(goal);
    CHECK(has_note(plan, "Confirm the posture before you follow this plan"));
    CHECK(has_note(plan, "physical therapist"));
    CHECK(has_note(plan, "after each block"));
  }
  CHECK_FALSE(has_note(test::make_plan(test::plan_options({"lockout"})), "Confirm the posture"));
}

TEST_CASE("screening: sources are cited by title and author, never by a path", "[screening]") {
  auto r = run_lbtrain({"plan", "--goal", "lockout", "--format", "json"});
  auto plan = nlohmann::json::parse(r.out);
  CHECK(plan["sources"]["BE"].get<std::string>().find("Norman Cheung") != std::string::npos);
  CHECK(plan["sources"]["SQ"].get<std::string>().find("Ire") != std::string::npos);
  CHECK(r.out.find("shared/") == std::string::npos);
  CHECK(r.out.find(".txt") == std::string::npos);
}

TEST_CASE("screening: --exclude removes an exercise and the next candidate fills its slot", "[screening]") {
  PlanOptions o = test::plan_options({"lockout"});
  o.exclude = {"back-extension"};
  Plan plan = test::make_plan(o);
  CHECK(contains(ids(plan, 1), "stability-ball-back-extension"));
  CHECK_FALSE(contains(ids(plan, 1, false), "back-extension"));
  CHECK(has_note(plan, "Left out at your request: Back extension (45-degree)."));
}

TEST_CASE("screening combined with goals and each other: safety always wins", "[screening]") {
  std::vector<std::vector<std::string>> flag_sets{
      {"cannot-hinge"}, {"hips-rise-early"}, {"squat-pain"}, {"cannot-hinge", "hips-rise-early", "squat-pain"}};
  for (const auto& goal : {"lockout", "general", "lordosis"}) {
    for (const auto& flags : flag_sets) {
      for (const char* weakness : {"", "start", "setup", "lockout", "fatigue"}) {
        PlanOptions o = test::plan_options({goal, "lordosis"}).flags(flags).weeks("5");
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
  CHECK(r.err ==
        "lbtrain: error: --weakness: unknown value \"lockot\"; did you mean \"lockout\"? allowed: fatigue, lockout, "
        "setup, start\n");
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
  // Exit status 5 (refused) is in the man page; help points there.
  CHECK(help.find("man lbtrain") != std::string::npos);
}
