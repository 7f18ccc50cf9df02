#include "support/helpers.hpp"
#include "support/plans.hpp"

#include "read/embedded.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/select.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

using namespace lbtrain;

namespace {

Selection select(const PlanOptions& options, const DataSet& data = test::builtin()) {
  // The picks point into the screened request, which must outlive them: keep every one.
  static std::vector<std::unique_ptr<test::Selected>> kept;
  kept.push_back(test::select_for(options, data));
  return kept.back()->selection;
}

/// The picks of a plan with no screening phases.
std::vector<Pick> picks_of(const Selection& s) {
  REQUIRE(s.phases.size() == 1);
  return s.phases.front().picks;
}

std::vector<std::string> picked(const Selection& s) {
  std::vector<std::string> ids;
  for (const auto& p : picks_of(s)) ids.push_back(p.exercise->id);
  return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool note_contains(const Selection& s, const std::string& topic, const std::string& text) {
  return std::any_of(s.notes.begin(), s.notes.end(), [&](const Note& n) {
    return n.topic == topic && n.text.find(text) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("lockout is built around the back extension", "[selection]") {
  auto s = select(test::plan_options({"lockout"}));
  auto picks = picks_of(s);
  REQUIRE_FALSE(picks.empty());
  auto main = std::find_if(picks.begin(), picks.end(), [](const Pick& p) { return p.block == BlockKind::main; });
  CHECK(main->exercise->id == "back-extension");
  CHECK(has(picked(s), "pallof-press"));
  CHECK(has(picked(s), "side-plank"));
}

TEST_CASE("no plan repeats an exercise", "[selection]") {
  for (const auto& goal : {"lockout", "lordosis", "kyphosis", "general"}) {
    for (const auto& equipment : {"gym", "home", "none"}) {
      PlanOptions o = test::plan_options({goal});
      o.equipment = equipment;
      auto ids = picked(select(o));
      auto sorted = ids;
      std::sort(sorted.begin(), sorted.end());
      INFO(goal << " " << equipment);
      CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    }
  }
}

TEST_CASE("lordosis never gets lumbar-extension or hip-flexor strengthening", "[selection]") {
  for (const auto& equipment : {"gym", "home", "none"}) {
    for (const auto& level : {"beginner", "intermediate", "advanced"}) {
      PlanOptions o = test::plan_options({"lordosis", "lockout", "general"});
      o.equipment = equipment;
      o.level = level;
      for (const auto& pick : picks_of(select(o))) {
        INFO(pick.exercise->id << " " << equipment << " " << level);
        CHECK_FALSE(pick.exercise->has_tag("lumbar-extension"));
        CHECK_FALSE(pick.exercise->has_tag("hip-flexor-strength"));
      }
    }
  }
}

TEST_CASE("lordosis strengthens the weak muscles and stretches the tight ones", "[selection]") {
  auto s = select(test::plan_options({"lordosis"}));
  std::vector<std::string> strengthened, stretched;
  for (const auto& p : picks_of(s)) {
    auto& list = p.block == BlockKind::cooldown ? stretched : strengthened;
    list.insert(list.end(), p.exercise->primary_muscles.begin(), p.exercise->primary_muscles.end());
  }
  for (const char* m : {"glute-medius", "glute-maximus", "abdominals", "hamstrings"}) CHECK(has(strengthened, m));
  for (const char* m : {"erector-spinae", "hip-flexors"}) CHECK(has(stretched, m));
  Plan plan = test::make_plan(test::plan_options({"lordosis"}));
  CHECK(std::any_of(plan.notes.begin(), plan.notes.end(), [](const Note& n) {
    return n.topic == "exclusion" && n.text.find("rule \"no-lumbar-extension\" applies to the whole plan") != std::string::npos;
  }));
}

TEST_CASE("kyphosis strengthens the lower back and hip flexors", "[selection]") {
  auto ids = picked(select(test::plan_options({"kyphosis"})));
  CHECK(has(ids, "hyperextension"));
  CHECK(has(ids, "superman"));
  CHECK(has(ids, "seated-leg-lift"));
  for (const char* id : {"lying-hamstring-stretch", "seated-glute-stretch", "cobra-stretch", "lying-abdominal-twist"}) {
    CHECK(has(ids, id));
  }
}

TEST_CASE("general mixes a hinge compound, isolation and core", "[selection]") {
  auto ids = picked(select(test::plan_options({"general"})));
  CHECK(has(ids, "romanian-deadlift"));
  CHECK(has(ids, "back-extension"));
  CHECK(has(ids, "plank"));
  CHECK(has(ids, "pallof-press"));
}

TEST_CASE("safety first: lordosis drops lockout's back extension and says why", "[selection]") {
  auto s = select(test::plan_options({"lockout", "lordosis"}));
  CHECK_FALSE(has(picked(s), "back-extension"));
  // The lockout's hip-extension work falls back to a bodyweight hip extension.
  CHECK(has(picked(s), "single-leg-glute-bridge"));
  CHECK(note_contains(s, "exclusion",
                      "Left out because of Lordosis (anterior pelvic tilt) rule \"no-lumbar-extension\": Back extension "
                      "(45-degree), Stability-ball back extension, Hyperextension (90-degree bench)."));
}

TEST_CASE("missing equipment falls back to the next exercise and says so", "[selection]") {
  PlanOptions o = test::plan_options({"lockout"});
  o.equipment = "stability-ball,band";
  auto s = select(o);
  CHECK(has(picked(s), "stability-ball-back-extension"));
  CHECK(has(picked(s), "band-pallof-press"));
  CHECK(note_contains(s, "fallback",
                      "Deadlift lockout (main: back-extension): Back extension (45-degree) needs roman-chair, which "
                      "is not in your equipment; using Stability-ball back extension instead."));
}

TEST_CASE("an unfillable slot is reported, never silently dropped", "[selection]") {
  PlanOptions o = test::plan_options({"lordosis"});
  o.equipment = "none";
  o.exclude = {"dead-bug"};
  auto s = select(o);
  CHECK(note_contains(s, "unfilled",
                      "Lordosis (anterior pelvic tilt) (warm-up: abdominal-activation) is left empty: ruled out: Dead "
                      "bug (ruled out by Your --exclude), Bird dog (ruled out by Lordosis (anterior pelvic tilt))"));
}

TEST_CASE("with no equipment the lockout still trains the hips, and says what it uses instead", "[selection]") {
  PlanOptions o = test::plan_options({"lockout"});
  o.equipment = "none";
  auto s = select(o);
  CHECK_FALSE(has(picked(s), "back-extension"));
  CHECK(has(picked(s), "single-leg-glute-bridge"));
  CHECK(note_contains(s, "fallback",
                      "Deadlift lockout (main: back-extension): Back extension (45-degree) needs roman-chair, which "
                      "is not in your equipment; using Single-leg glute bridge instead."));
}

TEST_CASE("an exercise is offered as an alternative once in a phase", "[selection]") {
  for (const auto& goal : {"lockout", "lordosis", "kyphosis", "general"}) {
    for (const auto& phase : select(test::plan_options({goal, "general"})).phases) {
      std::vector<std::string> offered;
      for (const auto& pick : phase.picks) {
        for (const Exercise* alt : pick.alternatives) offered.push_back(alt->id);
      }
      auto sorted = offered;
      std::sort(sorted.begin(), sorted.end());
      INFO(goal);
      CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    }
  }
}

TEST_CASE("a bodyweight plan needs no equipment at all", "[selection]") {
  for (const auto& goal : {"lockout", "lordosis", "kyphosis", "general"}) {
    PlanOptions o = test::plan_options({goal});
    o.equipment = "none";
    for (const auto& p : picks_of(select(o))) {
      INFO(goal << ": " << p.exercise->id);
      CHECK(p.exercise->equipment == std::vector<std::string>{"none"});
    }
  }
}

TEST_CASE("beginners get only beginner exercises", "[selection]") {
  PlanOptions o = test::plan_options({"general"});
  o.level = "beginner";
  auto s = select(o);
  for (const auto& p : picks_of(s)) CHECK(p.exercise->level == "beginner");
  CHECK(has(picked(s), "dumbbell-romanian-deadlift"));
  CHECK(note_contains(s, "fallback", "Romanian deadlift (barbell) is an intermediate exercise"));
}

TEST_CASE("alternatives fit the slot, pass the filters and are not in the plan", "[selection]") {
  PlanOptions o = test::plan_options({"general"});
  o.equipment = "home";
  auto s = select(o);
  auto ids = picked(s);
  for (const auto& p : picks_of(s)) {
    CHECK(p.alternatives.size() <= 3);
    for (const Exercise* alt : p.alternatives) {
      CHECK(p.slot->select.matches(*alt));
      CHECK_FALSE(has(ids, alt->id));
      for (const auto& item : alt->equipment) CHECK(has({"none", "mat", "wall", "dowel", "band", "dumbbell", "stability-ball"}, item));
    }
  }
}

TEST_CASE("plans do not depend on the order of the catalogue file", "[selection]") {
  auto catalogue = nlohmann::json::parse(embedded::exercises());
  auto& items = catalogue["exercises"];
  std::mt19937 shuffle_seed(7);
  std::shuffle(items.begin(), items.end(), shuffle_seed);
  DataSet shuffled = make_data_set(catalogue.dump(), embedded::goals(), "builtin exercises.json", "builtin goals.json");
  for (const auto& goal : {"lockout", "lordosis", "kyphosis", "general"}) {
    PlanOptions o = test::plan_options({goal});
    o.weeks = "6";
    auto a = format_json(test::make_plan(o), false);
    auto b = format_json(test::make_plan(o, shuffled), false);
    CHECK(a == b);
  }
}

TEST_CASE("a goal added in data alone gets a plan", "[selection]") {
  auto rules = nlohmann::json::parse(embedded::goals());
  rules["goals"].push_back(nlohmann::json::parse(R"({
    "id": "glutes", "name": "Glute focus", "description": "More glute work.", "default_days": 2,
    "main": [{"id": "bridge", "why": "Glutes.", "select": {"muscles": ["glute-maximus"], "category": ["isolation"]},
              "progression": "accessory-block", "source": "SQ"}],
    "exclude": [{"id": "no-hinge", "select": {"tags": ["loaded-hinge"]}, "reason": "just because", "source": "SQ"}]
  })"));
  DataSet data = make_data_set(embedded::exercises(), rules.dump());
  auto s = select(test::plan_options({"glutes"}), data);
  REQUIRE(picks_of(s).size() == 1);
  // Equal fit and level: the lower id wins, so the result is stable.
  CHECK(picks_of(s)[0].exercise->id == "back-extension");
  auto combined = select(test::plan_options({"general", "glutes"}), data);
  CHECK_FALSE(has(picked(combined), "romanian-deadlift"));
  CHECK(note_contains(combined, "exclusion", "Glute focus rule \"no-hinge\""));
}
