#include "lbtrain/app.hpp"

#include "lbtrain/data_set.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/output.hpp"
#include "lbtrain/planner.hpp"
#include "lbtrain/screening.hpp"
#include "lbtrain/selection.hpp"
#include "lbtrain/settings.hpp"
#include "format/escape.hpp"
#include "text_match.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain {

TextStyle text_style(const OutputOptions& output, const Terminal& terminal) {
  TextStyle style;
  style.details = output.details;
  style.color = output.color == ColorMode::always ||
                (output.color == ColorMode::automatic && output.to_stdout && !terminal.no_color &&
                 (terminal.stdout_is_tty || terminal.clicolor_force));
  if (output.to_stdout && terminal.stdout_is_tty && terminal.columns > 0) {
    style.width = std::clamp(terminal.columns, 60, 160);
  }
  return style;
}

Built build_from_options(const PlanOptions& options, const OutputOptions& output) {
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
    auto note_equipment = [&](const std::string& id) {
      if (built.equipment.count(id)) return;
      if (const Exercise* e = data.catalogue.find(id)) built.equipment[id] = e->equipment;
    };
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
  built.rules = std::move(data.rules);
  return built;
}

std::string format_plan(const Plan& plan, const OutputOptions& output, const TextStyle& style) {
  switch (output.format) {
    case Format::json: return format_json(plan, output.compact);
    case Format::sheet: return format_sheet(plan);
    case Format::markdown: return format_markdown(plan);
    case Format::csv: return format_csv(plan);
    case Format::html: return format_html(plan);
    case Format::ics: return format_ics(plan);
    case Format::text: break;
  }
  return format_text(plan, style);
}

Rendered render_plan(const PlanOptions& options, const Terminal& terminal) {
  const OutputOptions output = resolve_output(options);  // before any data is read
  const TextStyle style = text_style(output, terminal);
  Built built = build_from_options(options, output);
  Rendered rendered;
  rendered.warnings = built.rules.warnings;
  if (built.refusal) {
    rendered.bytes = output.format == Format::json ? format_refusal_json(*built.refusal, output.compact)
                                                   : format_refusal_text(*built.refusal, style);
    rendered.refused = true;
    return rendered;
  }
  rendered.bytes = format_plan(*built.plan, output, style);
  std::size_t sessions = 0;
  for (const auto& week : built.plan->weeks_list) sessions += week.sessions.size();
  const std::size_t weeks = built.plan->weeks_list.size();
  rendered.summary = fmt::format("{} week{}, {} session{}", weeks, weeks == 1 ? "" : "s", sessions, sessions == 1 ? "" : "s");
  return rendered;
}

}  // namespace lbtrain
