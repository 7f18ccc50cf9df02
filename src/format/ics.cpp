// RFC 5545 iCalendar: one event per session, all-day or (with --at) timed, with UIDs that stay
// the same for the same request so a re-import updates events instead of doubling them.

#include "lbtrain/model/error.hpp"
#include "format/escape.hpp"
#include "lbtrain/format.hpp"
#include "model/text_match.hpp"
#include "lbtrain/model/version.hpp"

#include "format/layout.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace lbtrain {

namespace {

using namespace layout;

std::string compact_date(Date date) {
  std::string iso = iso_date(date);
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

/// FNV-1a over what identifies a plan: goals, start, length, schedule, level and equipment.
std::string plan_key(const Plan& plan) {
  std::string key;
  for (const auto& goal : plan.goals) key += goal.id + ",";
  key += fmt::format("|{}|{}|{}|{}|", iso_date(*plan.start), plan.weeks, plan.days, plan.level);
  key += join(plan.equipment, ",") + "|";
  for (int day : plan.on) key += std::to_string(day);
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : key) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

std::string description(const Session& session) {
  std::string text = fmt::format("About {} min.", session.estimated_minutes);
  for (const auto& block : session.blocks) {
    if (block.items.empty()) continue;
    text += "\n\n" + block.title + ":";
    for (const auto& item : block.items) {
      text += "\n- " + item.exercise.name + ": " + dose_text(item);
      std::string effort = effort_text(item);
      if (!effort.empty()) text += ", " + effort;
      if (block.kind != BlockKind::main) continue;
      if (!item.gate.empty()) text += ". Only if " + item.gate;
      if (!item.load.empty()) text += ". Load: " + item.load;
      if (item.target_load) text += ". Target: " + target_load_text(*item.target_load);
      if (item.logged) text += ". Done: " + done_text(*item.logged, item.kind);
      if (!item.adaptation.empty()) text += ". Why: " + item.adaptation;
      if (!item.caution.empty()) text += ". Caution: " + item.caution;
      for (const auto& cue : item.safety) text += ". Safety: " + cue;
    }
  }
  return text;
}

}  // namespace

void write_ics(const Plan& plan, Sink& sink) {
  if (!plan.start) usage_error("--format ics needs --start YYYY-MM-DD");
  // A program's events keep its identity, whatever the log does to their dates and doses.
  std::string key = plan.calendar_key.empty() ? plan_key(plan) : plan.calendar_key;
  std::string goals = goal_title(plan);
  std::string out;
  auto line = [&](const std::string& text) { out += ics_line(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line(fmt::format("PRODID:-//lbtrain//lbtrain {}//EN", version()));
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + ics_text(plan.title.empty() ? "lbtrain: " + goals : single_line(plan.title)));
  // DTSTAMP is required; the plan's start keeps the output the same for the same request.
  std::string stamp = compact_date(*plan.start) + "T000000Z";
  for (const auto& week : plan.weeks_list) {
    for (const auto& session : week.sessions) {
      line("BEGIN:VEVENT");
      line(fmt::format("UID:lbtrain-{}-w{}-d{}@lbtrain", key, week.number, session.day));
      line("DTSTAMP:" + stamp);
      // Each session logged makes a newer version of every event, so a calendar that imports
      // the program again takes the adapted ones.
      if (!plan.calendar_key.empty()) line(fmt::format("SEQUENCE:{}", plan.calendar_sequence));
      if (plan.at_minutes) {
        line(fmt::format("DTSTART:{}T{:02}{:02}00", compact_date(*session.date), *plan.at_minutes / 60,
                         *plan.at_minutes % 60));
        line(fmt::format("DURATION:PT{}M", std::max(1, session.estimated_minutes)));
      } else {
        line("DTSTART;VALUE=DATE:" + compact_date(*session.date));
        line("DTEND;VALUE=DATE:" + compact_date(*session.date + std::chrono::days{1}));
      }
      line("SUMMARY:" + ics_text(fmt::format("{}: {}, day {}", goals, week_title(plan, week), session.day)));
      std::string desc = description(session);
      for (const auto& note : session.notes) desc = note.text + "\n\n" + desc;
      if (!week.note.empty()) desc = week.note + "\n\n" + desc;
      line("DESCRIPTION:" + ics_text(desc));
      if (!plan.at_minutes) line("TRANSP:TRANSPARENT");  // an all-day reminder, not busy time
      line("END:VEVENT");
    }
    sink.write(out);
    out.clear();
  }
  line("END:VCALENDAR");
  sink.write(out);
}

}  // namespace lbtrain
