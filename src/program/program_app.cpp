// The program commands as recipes: `start` (build the plan, save its options), and `next`,
// `program` (load the saved options -> rebuild the plan -> read the log -> adapt -> format).

#include "lbtrain/program.hpp"

#include "lbtrain/model/error.hpp"
#include "lbtrain/format.hpp"
#include "format/escape.hpp"
#include "format/layout.hpp"
#include "log/day_marks.hpp"
#include "log/programs.hpp"
#include "program/program_store.hpp"
#include "program/program_view.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace lbtrain {

std::optional<LoadStep> parse_increment(std::string_view text) {
  auto trim = [](std::string_view t) {
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
    return t;
  };
  text = trim(text);
  std::size_t digits = 0;
  while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.')) {
    ++digits;
  }
  if (digits == 0 || digits > 12) return std::nullopt;
  LoadStep step;
  auto [end, ec] = std::from_chars(text.data(), text.data() + digits, step.value);
  if (ec != std::errc() || end != text.data() + digits || !(step.value > 0) || step.value > 50) return std::nullopt;
  std::string_view rest = trim(text.substr(digits));
  if (!rest.empty()) {
    step.unit = parse_load_unit(rest);
    if (!step.unit) return std::nullopt;
  }
  return step;
}

namespace {

std::string goal_names(const Plan& plan) {
  std::vector<std::string> names;
  for (const auto& goal : plan.goals) names.push_back(goal.name);
  return join(names, " + ");
}

/// The load steps: the query's increment (--increment or the increment setting, a bare number
/// in the query's unit) for its unit, the rules' default for the other unit.
program::Increments increments(const ProgramQuery& query, const Adaptation& adaptation) {
  program::Increments out;
  for (const auto& [unit, step] : adaptation.increments) out.step[*parse_load_unit(unit)] = step;
  const std::string& text = query.increment;
  if (text.empty()) return out;
  auto step = parse_increment(text);
  if (!step) {
    usage_error(fmt::format("{}: \"{}\" is not a load step; give a number over 0 and up to 50 with a unit, such as "
                            "2.5kg or 5lb",
                            query.increment_where, text));
  }
  LoadUnit unit = step->unit.value_or(query.unit);
  out.step[unit] = step->value;
  out.given = true;
  return out;
}

}  // namespace

Started start_program(const StartOptions& options, const std::function<bool(const std::string&)>& confirm) {
  PlanOptions plan_options = options.plan;
  if (!plan_options.start) plan_options.start = iso_date(today_local());
  // The log holds its programs' first days as it holds its sets' days.
  if (auto start = parse_iso_date(*plan_options.start);
      start && static_cast<int>(std::chrono::year_month_day{*start}.year()) > last_log_year) {
    usage_error(fmt::format("--start: {} is after {}, the last year a training log holds; give a date before {}-01-01",
                            *plan_options.start, last_log_year, last_log_year + 1));
  }
  OutputOptions output;
  Built built = build_from_options(plan_options, output);
  Started started;
  started.warnings = built.rules.warnings;
  if (built.refusal) {
    started.refusal = built.refusal;
    return started;
  }
  log::Store store = log::Store::open(options.db, log::Store::Access::write);
  auto current = program::current_program(store);
  if (current && !options.force) {
    std::string question = fmt::format("A program started on {} is current in {}. Replace it?", current->start,
                                       options.db);
    if (!confirm || !confirm(question)) {
      usage_error(fmt::format("a program started on {} is already current in \"{}\"; give --force to replace it (its "
                              "logged sets stay in the log)",
                              current->start, options.db));
    }
  }
  program::make_paths_absolute(plan_options);
  store.write([&] { program::save_program(store, plan_options); });
  const Plan& plan = *built.plan;
  started.message = fmt::format(
      "Started: {}, {} week{} of {} session{} a week from {}, saved in {}.\nlbtrain next shows the first session.\n",
      goal_names(plan), plan.weeks, plan.weeks == 1 ? "" : "s", plan.days, plan.days == 1 ? "" : "s",
      *plan_options.start, options.db);
  return started;
}

namespace {

/// The catalogue's exercises whose estimated 1RM means something, by the rules: a category and
/// an equipment of theirs listed (barbell and dumbbell compound lifts), never by name.
std::set<std::string> estimated_1rm_ids(const Built& built) {
  const Adaptation& adaptation = built.rules.adaptation;
  auto listed = [](const std::vector<std::string>& list, const std::string& word) {
    return list.empty() || std::find(list.begin(), list.end(), word) != list.end();
  };
  std::set<std::string> ids;
  for (const auto& [id, slot] : built.slots) {
    const std::string category = slot.substr(0, slot.find('/'));
    auto equipment = built.equipment.find(id);
    if (equipment == built.equipment.end() || !listed(adaptation.e1rm_categories, category)) continue;
    for (const auto& word : equipment->second) {
      if (listed(adaptation.e1rm_equipment, word)) {
        ids.insert(id);
        break;
      }
    }
  }
  return ids;
}

}  // namespace

ProgramView view_program(const ProgramQuery& query) {
  log::Store store = log::Store::open(query.db, log::Store::Access::read);
  auto stored = program::current_program(store);
  if (!stored) {
    usage_error(fmt::format("no program is saved in \"{}\"; start one with lbtrain start --goal GOAL (see lbtrain "
                            "start --help)",
                            query.db));
  }
  Built built = build_from_options(stored->options, OutputOptions{});
  if (built.refusal) {
    data_error(fmt::format("the saved program (started {}) is now refused by screening \"{}\": {}", stored->start,
                           built.refusal->screening, built.refusal->text));
  }
  program::AdaptInput input;
  log::with_database_errors(store.path(), [&] { input.sets = log::working_sets(store); });
  input.marks = log::read_marks(store);
  input.start = stored->start;
  input.started = stored->start;
  input.id = stored->id;
  input.date = query.date.value_or(today_local());
  // As of the date: what was logged after it has not happened yet.
  const std::string as_of = iso_date(input.date);
  input.sets.erase(std::remove_if(input.sets.begin(), input.sets.end(),
                                  [&](const LoggedSet& s) { return s.date > as_of; }),
                   input.sets.end());
  input.increments = increments(query, built.rules.adaptation);
  input.timing = built.rules.timing;
  input.marks.erase(std::remove_if(input.marks.begin(), input.marks.end(),
                                   [&](const log::DayMark& m) { return m.date > as_of; }),
                    input.marks.end());
  if (const auto& pain = built.rules.adaptation.pain) {
    for (const auto& group : built.spaced) {
      if (group.limit == pain->hold_limit) input.hold_ids = group.ids;
    }
  }
  input.spaced = std::move(built.spaced);
  const std::set<std::string> estimated_1rm = estimated_1rm_ids(built);
  input.equipment = std::move(built.equipment);
  input.slots = std::move(built.slots);
  if (built.rules.adaptation.rules.empty()) {
    data_error(fmt::format("the rules ({}) have no \"adaptation\" section, so a program cannot follow the log",
                           built.rules.origin));
  }
  ProgramView view = program::adapt_program(std::move(*built.plan), built.rules.adaptation, input);
  view.estimated_1rm = estimated_1rm;
  for (const auto& file : stored->changed_files) {
    view.warnings.push_back(fmt::format("\"{}\" has changed since the program was started on {}; the plan is worked "
                                        "out from it as it is now",
                                        file, stored->start));
  }
  return view;
}

std::string render_next(const ProgramView& view, const OutputOptions& output, const TextStyle& style) {
  auto plan = program::next_session_plan(view);
  if (!plan) {
    const std::string& note = view.plan.notes.back().text;
    if (output.format == Format::json) {
      Plan done = view.plan;
      done.weeks_list.clear();
      return format_plan(done, output, style);
    }
    return single_line(note) + "\n";
  }
  TextStyle session_style = style;
  session_style.one_session = true;
  return format_plan(*plan, output, session_style);
}

std::string render_program(const ProgramView& view, const OutputOptions& output, const TextStyle& style) {
  return format_plan(view.plan, output, style);
}

}  // namespace lbtrain
