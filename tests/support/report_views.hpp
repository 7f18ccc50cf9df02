#pragma once
// Program views built by hand for the report's tests: three weeks of two sessions, a loaded back
// extension going 3x12 to 3x15 at 20 kg, a bodyweight plank in seconds, one session missed.

#include "lbtrain/program.hpp"

#include <string>
#include <vector>

namespace lbtrain::test {

/// One logged session of the scenario: its date and, per exercise, the counts of its sets.
struct ScenarioSession {
  int week;
  int day;
  std::string planned;  ///< the date on the program's calendar
  std::string logged;   ///< the date it was logged; "" when not done
  int extension_reps;   ///< prescribed reps of the back extension
  std::vector<int> extension_done;
  int plank_seconds;
  std::vector<int> plank_done;
};

inline const std::vector<ScenarioSession>& scenario() {
  static const std::vector<ScenarioSession> sessions{
      {1, 1, "2026-11-23", "2026-11-23", 12, {12, 12, 12}, 30, {30, 30, 30}},
      {1, 2, "2026-11-26", "2026-11-26", 13, {13, 13, 13}, 30, {30, 30, 25}},
      {2, 1, "2026-11-30", "2026-11-30", 14, {14, 14, 14}, 35, {35, 35, 35}},
      {2, 2, "2026-12-03", "2026-12-07", 15, {15, 15, 14}, 40, {40, 40, 40}},  // logged four days late
      {3, 1, "2026-12-07", "", 15, {}, 40, {}},
      {3, 2, "2026-12-10", "", 15, {}, 45, {}},
  };
  return sessions;
}

inline Prescription scenario_item(const std::string& id, const std::string& name, DoseKind kind, int value) {
  Prescription item;
  item.exercise = {id, name};
  item.sets = 3;
  item.kind = kind;
  item.value = value;
  return item;
}

/// The scenario as `lbtrain report` would see it on 2026-12-10, the back extension named `name`
/// and its load in `unit`.
inline ProgramView scenario_view(const std::string& name = "Back extension (45-degree)", const std::string& unit = "kg") {
  ProgramView view;
  view.date = *parse_iso_date("2026-12-10");
  view.started = "2026-11-20";
  Plan& plan = view.plan;
  plan.goals.push_back({"lockout", "Deadlift lockout", "", {}});
  plan.weeks = 3;
  plan.days = 2;
  plan.level = "intermediate";
  plan.equipment_spec = "gym";
  plan.start = parse_iso_date("2026-11-23");
  bool next_given = false;
  for (const auto& s : scenario()) {
    if (plan.weeks_list.empty() || plan.weeks_list.back().number != s.week) plan.weeks_list.push_back({s.week, "", {}});
    Session session;
    session.day = s.day;
    bool done = !s.logged.empty();
    session.date = parse_iso_date(done ? s.logged : s.planned);
    session.status = done ? "done" : next_given ? "ahead" : "next";
    if (!done && !next_given) session.notes.push_back({"schedule", "Week 2, day 2 was logged four days late.", ""});
    next_given = next_given || !done;
    SessionBlock warmup{BlockKind::warmup, "Warm-up", 5, {scenario_item("cat-camel", "Cat-camel", DoseKind::reps, 8)}, std::nullopt};
    SessionBlock main{BlockKind::main, "Main", 20, {}, std::nullopt};
    Prescription extension = scenario_item("back-extension", name, DoseKind::reps, s.extension_reps);
    extension.rir = Rir{3, 5};
    extension.target_load = TargetLoad{20, unit, "logged 2026-11-23"};
    Prescription plank = scenario_item("front-plank", "Front plank", DoseKind::seconds, s.plank_seconds);
    if (done) {
      DoneItem e{s.logged, {}}, p{s.logged, {}}, w{s.logged, {{8, std::nullopt, "", std::nullopt, std::nullopt}}};
      for (int count : s.extension_done) e.sets.push_back({count, 20.0, unit, 3.0, std::nullopt});
      for (int count : s.plank_done) p.sets.push_back({count, std::nullopt, "", std::nullopt, std::nullopt});
      extension.logged = e;
      plank.logged = p;
      warmup.items[0].logged = w;  // a warm-up drill logged: not charted
    }
    main.items = {extension, plank};
    session.blocks = {warmup, main};
    plan.weeks_list.back().sessions.push_back(session);
  }
  view.adherence = {6, 5, 4, 3};
  // The charts' whole mechanism, the estimated 1RM line too, drawn on one loaded exercise (which
  // exercises get one is the rules' choice, tested through the real binary in report_program_test).
  view.estimated_1rm = {"back-extension"};
  return view;
}

}  // namespace lbtrain::test
