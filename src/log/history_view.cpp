// `lbtrain history [EXERCISE]`: the exercise found in the catalogue or in the log, the history
// read, and shown as text, JSON (data/schema/history.schema.json) or CSV (a row per session and
// exercise).

#include "lbtrain/log.hpp"

#include "log/exercise_lookup.hpp"
#include "log/history.hpp"
#include "log/log_csv.hpp"
#include "log/logged_set.hpp"
#include "log/set_json.hpp"
#include "log/store.hpp"

#include "format/escape.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

namespace lbtrain {

namespace {

using namespace log;

/// The exercise `text` names: in the catalogue, else among the log's own (custom) exercises.
std::pair<std::string, std::string> find_history_exercise(Store& store, const std::string& text) {
  auto found = exercises_matching(builtin_catalogue(), text);
  if (found.size() == 1) return {found.front()->id, found.front()->name};
  std::vector<std::string> words;
  std::pair<std::string, std::string> match;
  if (store.exists()) {
    with_database_errors(store.path(), [&] {
      SQLite::Statement rows(database(store), "SELECT DISTINCT exercise_id, exercise FROM sets");
      std::string key = match_key(text);
      while (rows.executeStep()) {
        std::string id = rows.getColumn(0).getString(), name = rows.getColumn(1).getString();
        if (match.first.empty() && (match_key(id) == key || match_key(name) == key)) match = {id, name};
        words.push_back(single_line(id));  // a suggestion reaches the terminal
        words.push_back(single_line(name));
      }
    });
  }
  if (!match.first.empty()) return match;
  if (found.size() > 1) return {found.front()->id, found.front()->name};
  for (const auto& e : builtin_catalogue().exercises) {
    words.push_back(e.id);
    words.insert(words.end(), e.aliases.begin(), e.aliases.end());
  }
  std::string hint = did_you_mean(text, words);
  usage_error(fmt::format("unknown exercise \"{}\"{}{}it is neither in the catalogue ('lbtrain exercises' lists it) "
                          "nor in the log ('lbtrain history' lists what it holds)",
                          single_line(text), hint, hint.empty() ? "; " : " "));
}

void summary_json(format::JsonWriter& w, const ExerciseSummary& e) {
  w.begin_object();
  w.member("exercise_id", e.exercise_id);
  w.member("exercise", e.exercise);
  w.member("sessions", static_cast<int>(e.sessions));
  w.member("sets", static_cast<int>(e.sets));
  w.member("last_date", e.last_date);
  w.member("measure", to_string(e.measure));
  if (e.best) {
    w.key("best_set");
    write_set_json(w, *e.best);
  }
  if (e.e1rm) w.member("e1rm", rounded(*e.e1rm, 2));
  w.key("trend");
  w.begin_array();
  for (const auto& p : e.trend) {
    w.begin_object();
    w.member("date", p.date);
    w.member("session", p.session);
    w.member("value", rounded(p.value, 2));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

std::string history_json(const HistoryData& data, const HistoryView& view, bool compact) {
  format::JsonWriter w(compact);
  w.begin_object();
  w.member("format", "lbtrain-history");
  w.member("version", 1);
  if (!view.exercise_id.empty()) w.member("exercise_id", view.exercise_id);
  w.member("unit", to_string(view.unit));
  w.member("e1rm_formula", e1rm_formula);
  w.member("total_sessions", static_cast<int>(data.total_sessions));
  w.member("total_sets", static_cast<int>(data.total_sets));
  w.member("limit", view.limit);
  w.key("sessions");
  w.begin_array();
  for (const auto& s : data.sessions) {
    w.begin_object();
    w.member("date", s.date);
    w.member("session", s.session);
    w.key("exercises");
    w.begin_array();
    for (const auto& work : s.exercises) {
      w.begin_object();
      w.member("exercise_id", work.exercise_id);
      w.member("exercise", work.exercise);
      w.key("sets");
      w.begin_array();
      for (const auto& set : work.sets) write_set_json(w, set);
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("exercises");
  w.begin_array();
  data.each_exercise([&](const ExerciseSummary& e) { summary_json(w, e); });
  w.end_array();
  w.end_object();
  return w.take();
}

std::string history_csv(const HistoryData& data, const HistoryView& view) {
  std::string out = "date,session,exercise_id,exercise,working_sets,warmup_sets,sets,best_e1rm,unit\r\n";
  for (const auto& s : data.sessions) {
    for (const auto& work : s.exercises) {
      std::size_t warmups = 0;
      for (const auto& set : work.sets) warmups += set.warmup ? 1 : 0;
      auto e1rm = session_best(work.sets, Measure::e1rm, view.unit);
      std::vector<std::string> cells{s.date, guarded_field(s.session), guarded_field(work.exercise_id),
                                     guarded_field(work.exercise), std::to_string(work.sets.size() - warmups),
                                     std::to_string(warmups), guarded_field(sets_text(work.sets)),
                                     e1rm ? number_text(rounded(*e1rm, 2)) : "", e1rm ? std::string(to_string(view.unit)) : ""};
      out += join(cells, ",") + "\r\n";
    }
  }
  return out;
}

}  // namespace

namespace log {

std::optional<LoadUnit> usual_unit(Store& store) {
  if (!store.exists()) return std::nullopt;
  std::int64_t kg = 0, lb = 0;
  with_database_errors(store.path(), [&] {
    SQLite::Statement rows(database(store), "SELECT unit, count(*) FROM sets WHERE load IS NOT NULL GROUP BY unit");
    while (rows.executeStep()) (rows.getColumn(0).getString() == "lb" ? lb : kg) += rows.getColumn(1).getInt64();
  });
  if (kg == lb) return std::nullopt;
  return kg > lb ? LoadUnit::kg : LoadUnit::lb;
}

}  // namespace log

std::string history(const HistoryOptions& options) {
  static const std::vector<std::string> formats{"text", "json", "csv"};
  if (std::find(formats.begin(), formats.end(), options.format) == formats.end()) {
    usage_error(unknown_value_message("--format", "format", options.format, formats, formats));
  }
  if (options.limit < 0) usage_error(fmt::format("--limit: {} is not a number of sessions; allowed: 0 (all) or more", options.limit));
  Store store = Store::open(options.db, Store::Access::read);
  HistoryView view{options.db, "", "", options.limit, options.default_unit, UnitFrom::setting};
  if (options.unit) {
    view.unit = *options.unit;
    view.unit_from = UnitFrom::option;
  } else if (auto usual = usual_unit(store)) {
    view.unit = *usual;  // a pounds log in pounds
    view.unit_from = UnitFrom::log;
  }
  if (!options.exercise.empty()) std::tie(view.exercise_id, view.exercise) = find_history_exercise(store, options.exercise);
  HistoryData data = read_history(store, view.exercise_id, options.limit, view.unit);
  if (options.format == "json") return history_json(data, view, options.compact);
  if (options.format == "csv") return history_csv(data, view);
  return history_text(data, view);
}

}  // namespace lbtrain
