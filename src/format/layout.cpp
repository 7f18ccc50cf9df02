#include "format/layout.hpp"

#include "format/escape.hpp"
#include "text_match.hpp"

#include <fmt/format.h>

namespace lbtrain::layout {

int display_width(std::string_view text) {
  int width = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string pad(std::string text, int width) {
  int w = display_width(text);
  if (w < width) text.append(static_cast<std::size_t>(width - w), ' ');
  return text;
}

std::string truncate(const std::string& text, int width) {
  if (display_width(text) <= width) return text;
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (used == width - 3) break;
      ++used;
    }
    out += text[i];
  }
  out.erase(out.find_last_not_of(' ') + 1);
  return out + "...";
}

std::string wrap(const std::string& text, int width, const std::string& first, const std::string& indent) {
  std::string out;
  std::string line = first;
  bool line_empty = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (!line_empty && display_width(line) + 1 + display_width(word) > width) {
      out += line + "\n";
      line = indent;
      line_empty = true;
    }
    int room = width - display_width(line) - (line_empty ? 0 : 1);
    if (display_width(word) > room) word = truncate(word, std::max(room, 4));
    line += (line_empty ? "" : " ") + word;
    line_empty = false;
  }
  out += line + "\n";
  return out;
}

std::string dose_text(int sets, DoseKind kind, int value, bool per_side) {
  std::string unit = kind == DoseKind::seconds ? " s" : kind == DoseKind::breaths ? " breaths" : "";
  return fmt::format("{} x {}{}{}", sets, value, unit, per_side ? " per side" : "");
}

std::string dose_text(const Prescription& item) { return dose_text(item.sets, item.kind, item.value, item.per_side); }

std::string alternative_text(const Alternative& alt) {
  return single_line(alt.exercise.name) + " " + dose_text(alt.sets, alt.kind, alt.value, alt.per_side);
}

std::string alternatives_text(const Prescription& item) {
  std::vector<std::string> parts;
  for (const auto& alt : item.alternatives) parts.push_back(alternative_text(alt));
  return join(parts, "; ");
}

std::string effort_text(const Prescription& item) {
  std::vector<std::string> parts;
  if (item.rir) parts.push_back("RIR " + format_rir(*item.rir));
  if (!item.tempo.empty()) parts.push_back("tempo " + single_line(item.tempo));
  if (item.rest_seconds > 0) parts.push_back(fmt::format("rest {} s", item.rest_seconds));
  return join(parts, ", ");
}

std::string_view count_label(DoseKind kind) {
  switch (kind) {
    case DoseKind::seconds: return "Seconds";
    case DoseKind::breaths: return "Breaths";
    case DoseKind::reps: break;
  }
  return "Reps";
}

std::string goal_title(const Plan& plan) {
  std::vector<std::string> names;
  for (const auto& goal : plan.goals) names.push_back(single_line(goal.name));
  return join(names, " + ");
}

std::string plan_summary(const Plan& plan) {
  return fmt::format("{} week{}, {} session{} a week, level {}, equipment: {}.{}", plan.weeks,
                     plan.weeks == 1 ? "" : "s", plan.days, plan.days == 1 ? "" : "s", plan.level, plan.equipment_spec,
                     plan.start ? " Starts " + iso_date(*plan.start) + "." : "");
}

std::string week_title(const Plan& plan, const Week& week) {
  return fmt::format("Week {} of {}", week.number, plan.weeks);
}

std::string day_title(const Plan& plan, const Session& session) {
  std::string title = fmt::format("Day {}", session.day);
  if (session.weekday) title += fmt::format(", {}", weekday_label(*session.weekday));
  if (session.date) title += " " + iso_date(*session.date);
  if (plan.at_minutes) title += " at " + clock_text(*plan.at_minutes);
  return title;
}

std::string shortest_cue(const Prescription& item) {
  std::string best;
  for (const auto& cue : item.cues) {
    if (best.empty() || display_width(cue) < display_width(best)) best = cue;
  }
  return single_line(best);
}

}  // namespace lbtrain::layout
