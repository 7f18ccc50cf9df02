// From options to a plan: the data set the options name, the request resolved and screened,
// the exercises selected, the weeks planned; with what a program needs to follow it.
#include "lbtrain/plan.hpp"

#include "lbtrain/data.hpp"

#include <fmt/format.h>

namespace lbtrain {

namespace {

/// What a program adds to the plan: each exercise's equipment and slot, the spaced groups.
void add_program_parts(Built& built, const DataSet& data) {
  auto note_equipment = [&](const std::string& id) {
    if (built.equipment.count(id)) return;
    if (const Exercise* e = data.catalogue.find(id)) built.equipment[id] = e->equipment;
  };
  if (built.plan) {
    for (const auto& week : built.plan->weeks_list) {
      for (const auto& session : week.sessions) {
        for (const auto& block : session.blocks) {
          for (const auto& item : block.items) {
            note_equipment(item.exercise.id);
            for (const auto& alternative : item.alternatives) note_equipment(alternative.exercise.id);
          }
        }
      }
    }
    for (const auto& e : data.catalogue.exercises) {
      built.slots[e.id] = fmt::format("{}/{}/{}/{}/{}", e.category.str(), e.pattern.str(), to_string(e.dose.kind),
                                      e.per_side ? "per-side" : "both", e.loadable ? "loadable" : "bodyweight");
      note_equipment(e.id);  // an exercise of the same slot brings its own load steps
    }
  }
  for (const auto& limit : data.rules.limits) {
    if (!limit.rest_day_between) continue;
    SpacedGroup group{limit.id, limit.each, limit.building_only, {}};
    for (const auto& exercise : data.catalogue.exercises) {
      if (!limit.each && (!limit.select || limit.select->matches(exercise))) group.ids.insert(exercise.id);
    }
    built.spaced.push_back(std::move(group));
  }
}

}  // namespace

Built build_from_options(const PlanOptions& options, const OutputOptions& output, BuiltFor use) {
  DataSet data = load_data_set(options.catalogues, options.rules, parse_catalogue_format(options.catalogue_format));
  Built built;
  Request request = resolve_request(options, output, data);
  ScreeningResult screened = screen(request, data);
  if (const auto* refusal = std::get_if<Refusal>(&screened)) {
    built.refusal = *refusal;
  } else {
    const Screened& allowed = std::get<Screened>(screened);
    Selection selection = select_exercises(data, request, allowed);
    built.plan = build_plan(data, request, allowed, selection);
  }
  if (use == BuiltFor::program) add_program_parts(built, data);
  built.rules = std::move(data.rules);
  return built;
}

}  // namespace lbtrain
