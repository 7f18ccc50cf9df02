#include "program/pain_light.hpp"

#include "lbtrain/model/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain::program {

namespace {

int rank(Light l) {
  switch (l) {
    case Light::none: return 0;
    case Light::green: return 1;
    case Light::unknown: return 2;
    case Light::amber: return 3;
    case Light::red: return 4;
  }
  return 0;
}

std::string next_day(const std::string& date) { return iso_date(*parse_iso_date(date) + std::chrono::days(1)); }

}  // namespace

Light worse(Light a, Light b) { return rank(a) >= rank(b) ? a : b; }

Graded grade(const PainRule& rule, std::optional<int> during, std::optional<int> session, const std::string& date,
             const std::vector<log::DayMark>& marks, bool comeback) {
  Graded out;
  std::vector<std::string> said;
  if (during) {
    out.light = *during <= rule.green_max ? Light::green : *during <= rule.amber_max ? Light::amber : Light::red;
    said.push_back(fmt::format("{}/10 during", *during));
  }
  const std::string morning = next_day(date);
  std::optional<int> after, before;
  for (const auto& m : marks) {
    if (m.kind != "morning") continue;
    if (m.date == morning) after = m.pain;
    if (m.date <= date) before = m.pain;
  }
  if (after) {
    // Without a morning logged before, the worst pain of the session is the baseline, the same
    // for each of its exercises; the text says which it was.
    const int baseline = before.value_or(session.value_or(0));
    const std::string against = before ? fmt::format("{}/10 the morning before", baseline)
                                : session ? fmt::format("{}/10 during the session", baseline)
                                          : std::string("0/10 (no pain logged before)");
    const int worse_by = *after - baseline;
    Light l = worse_by >= rule.morning_red ? Light::red : worse_by >= rule.morning_amber ? Light::amber : Light::green;
    // A morning no worse says nothing of an exercise whose own pain was not logged: it stays
    // ungraded (a comeback waits for pain logged with it); a worse morning grades it down.
    if (out.light != Light::none || l != Light::green) out.light = worse(out.light == Light::none ? Light::green : out.light, l);
    said.push_back(fmt::format("{}/10 the morning after, {}", *after,
                               worse_by > 0 ? fmt::format("{} worse than {}", worse_by, against)
                                            : fmt::format("no worse than {}", against)));
  }
  if (out.light == Light::none && comeback) out.light = Light::unknown;
  for (std::size_t i = 0; i < said.size(); ++i) out.pain += (i ? ", " : "") + said[i];
  return out;
}

namespace {

/// What holds loaded lower-back work, each with its date and why: pain at the rule's hold level,
/// during or the morning after, and warning signs, on or after `start`; sorted by date.
std::vector<std::pair<std::string, std::string>> hold_triggers(const PainRule& rule, const std::vector<LoggedSet>& sets,
                                                               const std::vector<log::DayMark>& marks,
                                                               const std::string& start) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& s : sets) {
    if (s.pain && *s.pain >= rule.hold_from && s.date >= start) {
      out.emplace_back(s.date, fmt::format("back pain {}/10 during {} on {}", *s.pain, s.exercise, s.date));
    }
  }
  for (const auto& m : marks) {
    if (m.date < start) continue;
    if (m.kind == "morning" && m.pain >= rule.hold_from) {
      out.emplace_back(m.date, fmt::format("back pain {}/10 on the morning of {}", m.pain, m.date));
    } else if (m.kind == "flag") {
      auto words = rule.signs.find(m.sign);
      out.emplace_back(m.date, fmt::format("a warning sign logged on {}: {}", m.date,
                                           words == rule.signs.end() ? m.sign : words->second));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace

std::string hold_reason(const PainRule& rule, const std::vector<LoggedSet>& sets,
                        const std::vector<log::DayMark>& marks, const std::string& start) {
  std::string cleared;
  for (const auto& m : marks) {
    if (m.kind == "cleared") cleared = std::max(cleared, m.date);
  }
  const auto triggers = hold_triggers(rule, sets, marks, start);
  // The latest trigger after the last clearance (a clearance on a trigger's day clears it).
  return !triggers.empty() && triggers.back().first > cleared ? triggers.back().second : "";
}

HoldDays::HoldDays(const PainRule& rule, const std::vector<LoggedSet>& sets, const std::vector<log::DayMark>& marks,
                   const std::string& start) {
  for (const auto& [date, why] : hold_triggers(rule, sets, marks, start)) triggers_.push_back(date);
  for (const auto& m : marks) {
    if (m.kind == "cleared") clears_.push_back(m.date);
  }
  std::sort(clears_.begin(), clears_.end());
}

bool HoldDays::held_on(const std::string& date) const {
  // The last trigger before the day, and the last clearance before it: a clearance on the day
  // of a trigger clears it (as hold_reason counts them).
  auto trigger = std::lower_bound(triggers_.begin(), triggers_.end(), date);
  if (trigger == triggers_.begin()) return false;
  auto clear = std::lower_bound(clears_.begin(), clears_.end(), date);
  return clear == clears_.begin() || *std::prev(trigger) > *std::prev(clear);
}

}  // namespace lbtrain::program
