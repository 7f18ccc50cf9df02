#include "helpers.hpp"

#include <catch2/catch.hpp>

using namespace lbtrain;

namespace {

PlanOptions goal(const char* id, const char* weeks = "4") {
  PlanOptions o;
  o.goals = {id};
  o.weeks = weeks;
  return o;
}

const Prescription* find_item(const Session& session, const std::string& id) {
  for (const auto& block : session.blocks) {
    for (const auto& item : block.items) {
      if (item.exercise.id == id) return &item;
    }
  }
  return nullptr;
}

int block_minutes(const SessionBlock& block, const Timing& t) {
  int seconds = 0;
  for (const auto& item : block.items) {
    int per_rep = item.kind == DoseKind::reps ? t.seconds_per_rep : item.kind == DoseKind::breaths ? t.seconds_per_breath : 1;
    int work = item.value * per_rep * (item.per_side ? 2 : 1);
    seconds += item.sets * work + (item.sets - 1) * item.rest_seconds + t.seconds_between_exercises;
  }
  return seconds / 60;
}

}  // namespace

TEST_CASE("lockout 4 weeks: back extension 3x12, 13, 14, 15 at week 1's load", "[planner]") {
  Plan plan = test::make_plan(goal("lockout"));
  REQUIRE(plan.weeks_list.size() == 4);
  for (int w = 0; w < 4; ++w) {
    REQUIRE(plan.weeks_list[w].sessions.size() == 1);
    const Prescription* be = find_item(plan.weeks_list[w].sessions[0], "back-extension");
    REQUIRE(be);
    CHECK(be->sets == 3);
    CHECK(be->kind == DoseKind::reps);
    CHECK(be->value == 12 + w);
    REQUIRE(be->rir);
    CHECK(be->rir->min == 3);
    CHECK(be->rir->max == 5);
    CHECK(be->load == (w == 0 ? "choose a load that leaves 3-5 reps in reserve" : "same load as week 1"));
  }
}

TEST_CASE("every session has a 5-minute warm-up, a main block and a 5-minute cool-down", "[planner]") {
  const Timing& timing = test::builtin().rules.timing;
  for (const char* id : {"lockout", "lordosis", "kyphosis", "general"}) {
    for (const char* equipment : {"gym", "none"}) {
      PlanOptions o = goal(id, "2");
      o.equipment = equipment;
      Plan plan = test::make_plan(o);
      for (const auto& week : plan.weeks_list) {
        for (const auto& session : week.sessions) {
          INFO(id << " " << equipment << " week " << week.number << " day " << session.day);
          REQUIRE(session.blocks.size() == 3);
          CHECK(session.blocks[0].kind == BlockKind::warmup);
          CHECK(block_minutes(session.blocks[0], timing) >= 5);
          CHECK_FALSE(session.blocks[1].items.empty());
          CHECK(block_minutes(session.blocks[2], timing) >= 5);
          for (const auto& item : session.blocks[2].items) {
            CHECK(item.kind == DoseKind::breaths);
            CHECK(item.value == 10);
          }
          CHECK(session.estimated_minutes > 10);
        }
      }
    }
  }
}

TEST_CASE("imbalance goals default to three sessions a week", "[planner]") {
  CHECK(test::make_plan(goal("lordosis")).weeks_list[0].sessions.size() == 3);
  CHECK(test::make_plan(goal("kyphosis")).weeks_list[0].sessions.size() == 3);
  PlanOptions o = goal("lordosis");
  o.days = "2";
  Plan plan = test::make_plan(o);
  bool warned = std::any_of(plan.notes.begin(), plan.notes.end(), [](const Note& n) {
    return n.topic == "schedule" && n.text.find("at least 3 sessions a week; this plan has 2") != std::string::npos;
  });
  CHECK(warned);
}

TEST_CASE("past week 4 the plan keeps progressing and its notes say how", "[planner]") {
  Plan plan = test::make_plan(goal("lockout", "12"));
  std::vector<int> reps;
  for (const auto& week : plan.weeks_list) reps.push_back(find_item(week.sessions[0], "back-extension")->value);
  CHECK(reps == std::vector<int>{12, 13, 14, 15, 12, 12, 13, 14, 15, 12, 12, 13});
  CHECK(find_item(plan.weeks_list[4].sessions[0], "back-extension")->sets == 2);
  CHECK(plan.weeks_list[4].note.find("Easier week") == 0);
  CHECK(plan.weeks_list[5].note.find("New block") == 0);
  bool explained = std::any_of(plan.notes.begin(), plan.notes.end(), [](const Note& n) {
    return n.topic == "progression" && n.text.find("the next block adds about 5% load and starts again at 12 reps") != std::string::npos;
  });
  CHECK(explained);
}

TEST_CASE("loaded lower-back work is spread out, not trained every day", "[planner]") {
  CHECK(spread_days(3, 2) == std::vector<int>{1, 3});
  CHECK(spread_days(7, 2) == std::vector<int>{1, 5});
  CHECK(spread_days(7, 3) == std::vector<int>{1, 3, 6});
  CHECK(spread_days(2, 5) == std::vector<int>{1, 2});
  PlanOptions o = goal("lockout", "1");
  o.days = "4";
  Plan plan = test::make_plan(o);
  int with_be = 0;
  for (const auto& session : plan.weeks_list[0].sessions) with_be += find_item(session, "back-extension") != nullptr;
  CHECK(with_be == 2);
  bool explained = std::any_of(plan.notes.begin(), plan.notes.end(), [](const Note& n) {
    return n.text == "Back extension (45-degree) is prescribed on 2 of 4 sessions a week (days 1, 3); the other "
                     "sessions leave it out so the lower back can recover.";
  });
  CHECK(explained);
}
