// `lbtrain done`: the session `lbtrain next` gives, logged as prescribed (or as --except and
// --skip say) in one entry, then the next session's headline.

#include "lbtrain/program.hpp"

#include "format/escape.hpp"
#include "lbtrain/model/error.hpp"
#include "log/exercise_lookup.hpp"
#include "log/logged_set.hpp"
#include "program/program_view.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <map>
#include <sstream>

namespace lbtrain {

namespace {

using Item = Prescription;

std::vector<const Item*> main_items(const Session& session) {
  std::vector<const Item*> items;
  for (const auto& block : session.blocks) {
    if (block.kind != BlockKind::main) continue;
    for (const auto& item : block.items) items.push_back(&item);
  }
  return items;
}

std::vector<std::string> ids_of(const std::vector<const Item*>& items) {
  std::vector<std::string> ids;
  for (const auto* item : items) ids.push_back(item->exercise.id);
  return ids;
}

/// The main item `text` names (its id, name or an alternative's, by the log's matching), or a
/// usage Error naming the session's main exercises.
const Item& named_item(const std::vector<const Item*>& items, const std::string& text, const std::string& option,
                       const std::string& session) {
  const std::string key = log::match_key(text);
  for (const auto* item : items) {
    if (log::match_key(item->exercise.id) == key || log::match_key(item->exercise.name) == key) return *item;
    for (const auto& alternative : item->alternatives) {
      if (log::match_key(alternative.exercise.id) == key || log::match_key(alternative.exercise.name) == key) {
        return *item;
      }
    }
  }
  usage_error(fmt::format("{}: \"{}\" is not a main exercise of {}{}; its main exercises: {}", option,
                          single_line(text), session, did_you_mean(key, ids_of(items)), join(ids_of(items), ", ")));
}

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string dose_text(const Item& item) {
  std::string text = fmt::format("{} x {}", item.sets, item.value);
  if (item.kind == DoseKind::seconds) text += " s";
  if (item.kind == DoseKind::breaths) text += " breaths";
  if (item.per_side) text += " per side";
  if (item.target_load) text += fmt::format(" @ {} {}", log::number_text(item.target_load->value), item.target_load->unit);
  return text;
}

/// The item's sets as prescribed: its dose at its target load (bodyweight when it has none) and
/// the lowest reps in reserve of its target.
std::vector<LoggedSet> prescribed_sets(const Item& item, const std::string& date, const SetSource& source) {
  std::vector<LoggedSet> sets;
  for (int i = 0; i < item.sets; ++i) {
    LoggedSet set;
    set.date = date;
    set.exercise_id = item.exercise.id;
    set.exercise = item.exercise.name;
    set.kind = item.kind;
    set.count = item.value;
    if (item.target_load) {
      set.load = item.target_load->value;
      set.unit = parse_load_unit(item.target_load->unit).value_or(LoadUnit::kg);
    }
    if (item.rir) set.rir = item.rir->min;
    set.per_side = item.per_side;
    set.source = source;
    sets.push_back(std::move(set));
  }
  return sets;
}

std::string session_name(const Plan& plan) {
  const Week& week = plan.weeks_list.front();
  return fmt::format("week {} day {}", week.number, week.sessions.front().day);
}

/// "Next: Thu 2026-11-26, week 1 day 2: Back extension (45-degree) 3 x 13 @ 20 kg", or the note
/// that the program is complete.
std::string next_headline(const ProgramQuery& query) {
  ProgramView view = view_program(query);
  auto plan = program::next_session_plan(view);
  if (!plan) return single_line(view.plan.notes.back().text) + "\n";
  const Session& session = plan->weeks_list.front().sessions.front();
  std::string when = session.date ? fmt::format("{} {}, ", weekday_label(weekday_index(*session.date)),
                                                iso_date(*session.date))
                                  : "";
  std::vector<std::string> doses;
  for (const auto* item : main_items(session)) doses.push_back(item->exercise.name + " " + dose_text(*item));
  return single_line(fmt::format("Next: {}{}: {}", when, session_name(*plan), join(doses, "; "))) + "\n";
}

}  // namespace

std::string log_done_session(const DoneOptions& options) {
  if (options.query.date) {
    if (auto why = log_date_problem(*options.query.date, today_local()); !why.empty()) usage_error("--date: " + why);
  }
  ProgramView view = view_program(options.query);
  const std::string date = iso_date(view.date);
  if (!options.again) {
    for (const auto& week : view.plan.weeks_list) {
      for (const auto& session : week.sessions) {
        if (session.status != "done" || !session.date || iso_date(*session.date) != date) continue;
        auto entries = entries_on_date(options.query.db, date);
        const std::string entry = entries.empty() ? "ID" : entries.front();
        usage_error(fmt::format("week {} day {} is logged on {} already (entry {}; lbtrain log entries lists them); "
                                "give --again to log the next session that day too, or take it back with lbtrain log "
                                "undo {}",
                                week.number, session.day, date, entry, entry));
      }
    }
  }
  auto plan = program::next_session_plan(view);
  if (!plan) usage_error("every session of the program is done: " + single_line(view.plan.notes.back().text));
  const Session& session = plan->weeks_list.front().sessions.front();
  const std::string name = session_name(*plan);
  const SetSource source{SetSource::Kind::program, "", plan->weeks_list.front().number, session.day};
  const auto items = main_items(session);

  std::map<const Item*, std::vector<LoggedSet>> typed;
  for (const auto& text : options.except) {
    LogEntryOptions o;
    o.words = split_words(text);
    if (o.words.empty()) usage_error("--except: give the exercise and what you did, such as \"rdl 3x8@60kg\"");
    o.date = date;
    o.unit = options.unit;
    o.week = source.week;
    o.day = source.day;
    std::vector<LoggedSet> sets = typed_sets(o);
    const Item& item = named_item(items, sets.front().exercise_id, "--except", name);
    if (typed.count(&item)) usage_error(fmt::format("--except: {} is given twice", item.exercise.id));
    typed[&item] = std::move(sets);
  }
  std::map<const Item*, bool> skipped;
  for (const auto& text : options.skip) {
    const Item& item = named_item(items, text, "--skip", name);
    if (typed.count(&item)) usage_error(fmt::format("--skip: {} has an --except too; give one of them", item.exercise.id));
    skipped[&item] = true;
  }
  std::vector<std::string> no_load;
  for (const auto* item : items) {
    if (item->loaded && !item->target_load && !typed.count(item) && !skipped.count(item)) {
      no_load.push_back(fmt::format("--except \"{} {}x{}@LOAD\"", item->exercise.id, item->sets, item->value));
    }
  }
  if (!no_load.empty()) {
    usage_error(fmt::format("the log has no load yet for {} of {}; say what you used, such as {} (or --skip it)",
                            no_load.size() == 1 ? "an exercise" : "exercises", name, join(no_load, " ")));
  }

  std::vector<std::vector<LoggedSet>> exercises;
  std::string lines, summary;
  for (const auto* item : items) {
    if (skipped.count(item)) {
      lines += fmt::format("  {}: skipped\n", single_line(item->exercise.name));
      continue;
    }
    auto found = typed.find(item);
    std::vector<LoggedSet> sets = found != typed.end() ? found->second : prescribed_sets(*item, date, source);
    // --pain for the session, unless an --except gave the exercise its own.
    if (options.pain && !sets.front().pain) {
      for (auto& set : sets) set.pain = options.pain;
    }
    const std::string what = log::sets_text(sets);
    lines += single_line(fmt::format("  {}: {}{}", sets.front().exercise, what,
                                     found != typed.end() ? "" : " (as prescribed)")) + "\n";
    summary += fmt::format("{}{}: {}", summary.empty() ? "" : "; ", sets.front().exercise, what);
    exercises.push_back(std::move(sets));
  }
  if (exercises.empty()) usage_error(fmt::format("--skip leaves nothing of {} to log", name));
  std::int64_t entry = log_session_entry(options.query.db, fmt::format("{} {}: {}", date, name, summary), exercises);
  std::string out = fmt::format("Logged {} on {} (entry {}):\n", name, date, entry) + lines;
  return out + next_headline(options.query);
}

}  // namespace lbtrain
