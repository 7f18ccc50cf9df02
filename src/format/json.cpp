#include "lbtrain/format.hpp"
#include "lbtrain/model/version.hpp"

#include "format/item_memo.hpp"
#include "format/json_writer.hpp"

#include <string_view>
#include <utility>
#include <vector>

namespace lbtrain {

namespace {

void exercise_ref(format::JsonWriter& w, const ExerciseRef& e) {
  w.begin_object();
  w.member("id", e.id);
  w.member("name", e.name);
  w.end_object();
}

void notes_json(format::JsonWriter& w, const std::vector<Note>& notes) {
  w.key("notes");
  w.begin_array();
  for (const auto& note : notes) {
    w.begin_object();
    w.member("topic", note.topic);
    w.member("text", note.text);
    w.member("source", note.source);
    w.end_object();
  }
  w.end_array();
}

void done_json(format::JsonWriter& w, std::string_view name, const DoneItem& done) {
  w.key(name);
  w.begin_object();
  w.member("date", done.date);
  w.key("sets");
  w.begin_array();
  for (const auto& set : done.sets) {
    w.begin_object();
    w.member("count", set.count);
    if (set.load) {
      w.member("load", *set.load);
      w.member("unit", set.unit);
    }
    if (set.rir) w.member("rir", *set.rir);
    if (set.pain) w.member("pain", *set.pain);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

/// What a program adds to an item (nothing in a plan).
void program_json(format::JsonWriter& w, const Prescription& item) {
  if (item.target_load) {
    w.key("target_load");
    w.begin_object();
    w.member("value", item.target_load->value);
    w.member("unit", item.target_load->unit);
    w.member("basis", item.target_load->basis);
    w.end_object();
  }
  if (item.last) done_json(w, "last", *item.last);
  if (item.logged) done_json(w, "logged", *item.logged);
  if (!item.adaptation.empty()) w.member("adaptation", item.adaptation);
}

void item_json(format::JsonWriter& w, const Prescription& item) {
  w.begin_object();
  w.key("exercise");
  exercise_ref(w, item.exercise);
  w.member("sets", item.sets);
  w.member(to_string(item.kind), item.value);
  w.member("per_side", item.per_side);
  if (item.rir) {
    w.key("rir");
    w.begin_object();
    w.member("min", item.rir->min);
    w.member("max", item.rir->max);
    w.end_object();
  }
  if (!item.tempo.empty()) w.member("tempo", item.tempo);
  w.member("rest_seconds", item.rest_seconds);
  w.member("load", item.load);
  w.member("cues", item.cues);
  w.member("safety", item.safety);
  if (!item.caution.empty()) w.member("caution", item.caution);
  if (!item.gate.empty()) w.member("only_if", item.gate);
  w.member("why", item.why);
  w.member("source", item.source);
  w.key("alternatives");
  w.begin_array();
  for (const auto& alt : item.alternatives) {
    w.begin_object();
    w.member("id", alt.exercise.id);
    w.member("name", alt.exercise.name);
    w.member("sets", alt.sets);
    w.member(to_string(alt.kind), alt.value);
    w.member("per_side", alt.per_side);
    w.end_object();
  }
  w.end_array();
  program_json(w, item);
  w.end_object();
}

void header(format::JsonWriter& w) {
  w.member("schema_version", plan_schema_version);
  w.key("generator");
  w.begin_object();
  w.member("name", "lbtrain");
  w.member("version", version());
  w.end_object();
}

/// An item's bytes, written once a week (format/item_memo.hpp) at the writer's depth.
void write_json_item(format::JsonWriter& w, format::ItemMemo<std::string>& items, bool compact, const Prescription& item) {
  w.raw(items.get(item, false, [&] {
    StringSink sink;
    format::JsonWriter nested(sink, compact);
    nested.nest(w.depth());
    item_json(nested, item);
    return sink.take();
  }));
}

}  // namespace

// Written straight out rather than built as a tree: a 52-week plan is megabytes of JSON.
void write_json(const Plan& plan, bool compact, Sink& sink) {
  format::JsonWriter w(sink, compact);
  format::ItemMemo<std::string> items;
  w.begin_object();
  header(w);
  w.key("request");
  w.begin_object();
  w.key("goals");
  w.begin_array();
  for (const auto& goal : plan.goals) w.value(goal.id);
  w.end_array();
  w.member("weeks", plan.weeks);
  w.member("days", plan.days);
  w.member("level", plan.level);
  w.member("equipment", plan.equipment);
  w.member("catalog", plan.catalogue_origin);
  w.member("rules", plan.rules_origin);
  if (plan.only_week > 0) w.member("week", plan.only_week);
  if (plan.start) w.member("start", iso_date(*plan.start));
  if (!plan.on.empty()) {
    w.key("on");
    w.begin_array();
    for (int day : plan.on) w.value(weekday_short(day));
    w.end_array();
  }
  if (plan.at_minutes) w.member("at", clock_text(*plan.at_minutes));
  w.end_object();
  w.key("goals");
  w.begin_array();
  for (const auto& goal : plan.goals) {
    w.begin_object();
    w.member("id", goal.id);
    w.member("name", goal.name);
    w.member("description", goal.description);
    w.member("sources", goal.sources);
    w.end_object();
  }
  w.end_array();
  notes_json(w, plan.notes);
  w.key("sources");
  w.begin_object();
  for (const auto& [key, text] : plan.sources) w.member(key, text);
  w.end_object();
  w.key("weeks");
  w.begin_array();
  for (const auto& week : plan.weeks_list) {
    items.clear();
    w.begin_object();
    w.member("number", week.number);
    if (!week.note.empty()) w.member("note", week.note);
    w.key("sessions");
    w.begin_array();
    for (const auto& session : week.sessions) {
      w.begin_object();
      w.member("day", session.day);
      if (session.date) w.member("date", iso_date(*session.date));
      if (session.weekday) w.member("weekday", weekday_short(*session.weekday));
      w.member("estimated_minutes", session.estimated_minutes);
      if (!session.status.empty()) w.member("status", session.status);
      if (!session.notes.empty()) notes_json(w, session.notes);
      w.key("blocks");
      w.begin_array();
      for (const auto& block : session.blocks) {
        w.begin_object();
        w.member("kind", to_string(block.kind));
        w.member("title", block.title);
        w.member("estimated_minutes", block.estimated_minutes);
        w.key("items");
        w.begin_array();
        for (const auto& item : block.items) write_json_item(w, items, compact, item);
        w.end_array();
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end();
}

std::string format_refusal_json(const Refusal& refusal, bool compact) {
  format::JsonWriter w(compact);
  w.begin_object();
  header(w);
  w.member("refused", true);
  w.member("screening", refusal.screening);
  w.member("reason", refusal.text);
  w.member("source", refusal.source);
  w.end_object();
  return w.take();
}

}  // namespace lbtrain
