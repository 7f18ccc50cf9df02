#include "lbtrain/format.hpp"
#include "lbtrain/version.hpp"

#include <nlohmann/json.hpp>

namespace lbtrain {

namespace {

using ojson = nlohmann::ordered_json;

ojson exercise_ref(const ExerciseRef& e) { return ojson{{"id", e.id}, {"name", e.name}}; }

ojson item_json(const Prescription& item) {
  ojson j;
  j["exercise"] = exercise_ref(item.exercise);
  j["sets"] = item.sets;
  j[std::string(to_string(item.kind))] = item.value;
  j["per_side"] = item.per_side;
  if (item.rir) j["rir"] = ojson{{"min", item.rir->min}, {"max", item.rir->max}};
  if (!item.tempo.empty()) j["tempo"] = item.tempo;
  j["rest_seconds"] = item.rest_seconds;
  j["load"] = item.load;
  j["cues"] = item.cues;
  j["why"] = item.why;
  j["source"] = item.source;
  ojson alternatives = ojson::array();
  for (const auto& alt : item.alternatives) alternatives.push_back(exercise_ref(alt));
  j["alternatives"] = alternatives;
  return j;
}

}  // namespace

std::string format_json(const Plan& plan, bool compact) {
  ojson root;
  root["schema_version"] = plan_schema_version;
  root["generator"] = ojson{{"name", "lbtrain"}, {"version", std::string(version())}};
  root["request"] = ojson{{"goals", ojson::array()},
                          {"weeks", plan.weeks},
                          {"days", plan.days},
                          {"level", plan.level},
                          {"equipment", plan.equipment},
                          {"catalog", plan.catalogue_origin},
                          {"rules", plan.rules_origin}};
  if (plan.only_week > 0) root["request"]["week"] = plan.only_week;
  if (plan.start) root["request"]["start"] = iso_date(*plan.start);
  if (!plan.on.empty()) {
    root["request"]["on"] = ojson::array();
    for (int day : plan.on) root["request"]["on"].push_back(std::string(weekday_short(day)));
  }
  if (plan.at_minutes) root["request"]["at"] = clock_text(*plan.at_minutes);
  ojson goals = ojson::array();
  for (const auto& goal : plan.goals) {
    root["request"]["goals"].push_back(goal.id);
    goals.push_back(ojson{{"id", goal.id},
                          {"name", goal.name},
                          {"description", goal.description},
                          {"sources", goal.sources}});
  }
  root["goals"] = goals;
  ojson notes = ojson::array();
  for (const auto& note : plan.notes) {
    notes.push_back(ojson{{"topic", note.topic}, {"text", note.text}, {"source", note.source}});
  }
  root["notes"] = notes;
  ojson sources = ojson::object();
  for (const auto& [key, text] : plan.sources) sources[key] = text;
  root["sources"] = sources;
  ojson weeks = ojson::array();
  for (const auto& week : plan.weeks_list) {
    ojson w;
    w["number"] = week.number;
    if (!week.note.empty()) w["note"] = week.note;
    ojson sessions = ojson::array();
    for (const auto& session : week.sessions) {
      ojson s;
      s["day"] = session.day;
      if (session.date) s["date"] = iso_date(*session.date);
      if (session.weekday) s["weekday"] = std::string(weekday_short(*session.weekday));
      s["estimated_minutes"] = session.estimated_minutes;
      ojson blocks = ojson::array();
      for (const auto& block : session.blocks) {
        ojson items = ojson::array();
        for (const auto& item : block.items) items.push_back(item_json(item));
        blocks.push_back(ojson{{"kind", std::string(to_string(block.kind))},
                               {"title", block.title},
                               {"items", items}});
      }
      s["blocks"] = blocks;
      sessions.push_back(s);
    }
    w["sessions"] = sessions;
    weeks.push_back(w);
  }
  root["weeks"] = weeks;
  // Invalid UTF-8 from a custom catalogue is replaced rather than aborting the whole plan.
  return root.dump(compact ? -1 : 2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::string format_refusal_json(const Refusal& refusal, bool compact) {
  ojson root;
  root["schema_version"] = plan_schema_version;
  root["generator"] = ojson{{"name", "lbtrain"}, {"version", std::string(version())}};
  root["refused"] = true;
  root["screening"] = refusal.screening;
  root["reason"] = refusal.text;
  root["source"] = refusal.source;
  return root.dump(compact ? -1 : 2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace lbtrain
