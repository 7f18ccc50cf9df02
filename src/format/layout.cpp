#include "format/layout.hpp"

#include "format/escape.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain::layout {

std::string pad(std::string text, int width) {
  int w = display_width(text);
  if (w < width) text.append(static_cast<std::size_t>(width - w), ' ');
  return text;
}

std::string truncate(const std::string& text, int width) {
  if (display_width(text) <= width) return text;
  std::size_t end = 0;
  for (int used = 0; end < text.size();) {
    Glyph g = next_glyph(text, end);
    if (used + g.width > width - 3) break;
    used += g.width;
    end += g.bytes;
  }
  std::string out = text.substr(0, end);
  out.erase(out.find_last_not_of(' ') + 1);
  return out + "...";
}

std::string wrap(const std::string& text, int width, const std::string& first, const std::string& indent) {
  std::string out;
  std::string line = first;
  int line_width = display_width(first);
  const int indent_width = display_width(indent);
  bool line_empty = true;
  auto new_line = [&] {
    out += line;
    out += '\n';
    line = indent;
    line_width = indent_width;
    line_empty = true;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view word(text.data() + pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    int word_width = display_width(word);
    if (!line_empty && line_width + 1 + word_width > width) new_line();
    if (!line_empty) {
      line += ' ';
      ++line_width;
    }
    if (line_width + word_width <= width) {  // fits whole (no glyph is wider than the word)
      line.append(word);
      line_width += word_width;
      line_empty = false;
      continue;
    }
    // A word longer than a whole line is broken where the line ends.
    for (std::size_t i = 0; i < word.size();) {
      Glyph g = next_glyph(word, i);
      if (line_width + g.width > width && line_width > indent_width && !line_empty) new_line();
      line.append(word.substr(i, g.bytes));
      line_width += g.width;
      line_empty = false;
      i += g.bytes;
    }
  }
  out += line;
  out += '\n';
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

namespace {

std::string number(double value) {
  std::string text = fmt::format("{:.2f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

template <typename Get>
std::string series(const std::vector<DoneSet>& sets, Get get) {
  std::vector<std::string> parts;
  for (const auto& set : sets) parts.push_back(get(set));
  bool same = std::all_of(parts.begin(), parts.end(), [&](const std::string& p) { return p == parts.front(); });
  return same && !parts.empty() ? parts.front() : join(parts, ", ");
}

}  // namespace

std::string done_text(const DoneItem& done, DoseKind kind) {
  if (done.sets.empty()) return "";
  std::string unit = kind == DoseKind::seconds ? " s" : kind == DoseKind::breaths ? " breaths" : "";
  std::string counts = series(done.sets, [](const DoneSet& s) { return std::to_string(s.count); });
  bool same_counts = counts.find(',') == std::string::npos;
  std::string text = same_counts ? fmt::format("{} x {}{}", done.sets.size(), counts, unit) : counts + unit;
  bool loaded = std::any_of(done.sets.begin(), done.sets.end(), [](const DoneSet& s) { return s.load.has_value(); });
  if (loaded) {
    std::string load_unit;
    for (const auto& s : done.sets) {
      if (s.load) load_unit = s.unit;
    }
    text += " @ " + series(done.sets, [](const DoneSet& s) { return s.load ? number(*s.load) : std::string("bw"); }) +
            " " + load_unit;
  }
  bool rir = std::any_of(done.sets.begin(), done.sets.end(), [](const DoneSet& s) { return s.rir.has_value(); });
  if (rir) text += ", RIR " + series(done.sets, [](const DoneSet& s) { return s.rir ? number(*s.rir) : std::string("-"); });
  std::optional<int> pain;
  for (const auto& s : done.sets) {
    if (s.pain) pain = std::max(pain.value_or(0), *s.pain);
  }
  if (pain) text += fmt::format("; back pain {}/10", *pain);
  return text;
}

std::string status_text(const Session& session) {
  if (session.status.empty() || session.status == "ahead") return "";
  return " - " + session.status;
}

std::string target_load_text(const TargetLoad& load) {
  return fmt::format("{} {} ({})", number(load.value), load.unit, load.basis);
}

std::string cell_load(const Prescription& item, std::size_t set) {
  if (item.logged) {
    if (set >= item.logged->sets.size() || !item.logged->sets[set].load) return "";
    return number(*item.logged->sets[set].load) + " " + item.logged->sets[set].unit;
  }
  if (item.target_load) return number(item.target_load->value) + " " + item.target_load->unit;
  return "";
}

std::string cell_count(const Prescription& item, std::size_t set) {
  if (!item.logged || set >= item.logged->sets.size()) return "";
  return std::to_string(item.logged->sets[set].count);
}

std::string cell_rir(const Prescription& item, std::size_t set) {
  if (!item.logged || set >= item.logged->sets.size() || !item.logged->sets[set].rir) return "";
  return number(*item.logged->sets[set].rir);
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

std::string plan_heading(const Plan& plan, std::string_view prefix) {
  if (!plan.title.empty()) return single_line(plan.title) + ": " + goal_title(plan);
  return prefix.empty() ? goal_title(plan) : std::string(prefix) + ": " + goal_title(plan);
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
  std::string_view best;
  int best_width = 0;
  for (std::string_view cue : item.cues) {
    int width = display_width(cue);
    if (best.empty() || width < best_width) {
      best = cue;
      best_width = width;
    }
  }
  return single_line(best);
}

}  // namespace lbtrain::layout
