#include "lbtrain/format.hpp"
#include "lbtrain/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain {

namespace {

constexpr int name_column = 4;
constexpr int dose_column = name_column + 33;
constexpr int effort_column = dose_column + 24;

/// Display width of UTF-8 text: counts code points, not bytes.
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

/// Word-wraps `text` to `width` columns; the first line starts with `first`, the others with
/// `indent`.
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
    line += (line_empty ? "" : " ") + word;
    line_empty = false;
  }
  out += line + "\n";
  return out;
}

std::string dose_text(const Prescription& item) {
  std::string unit = item.kind == DoseKind::seconds   ? " s"
                     : item.kind == DoseKind::breaths ? " breaths"
                                                      : "";
  return fmt::format("{} x {}{}{}", item.sets, item.value, unit, item.per_side ? " per side" : "");
}

std::string effort_text(const Prescription& item) {
  std::vector<std::string> parts;
  if (item.rir) parts.push_back("RIR " + format_rir(*item.rir));
  if (!item.tempo.empty()) parts.push_back("tempo " + item.tempo);
  if (item.rest_seconds > 0) parts.push_back(fmt::format("rest {} s", item.rest_seconds));
  return join(parts, ", ");
}

class TextWriter {
 public:
  explicit TextWriter(const TextStyle& style) : style_(style) {}

  std::string out;

  void heading(const std::string& text, char underline) {
    line(bold(text));
    if (underline) line(std::string(static_cast<std::size_t>(display_width(text)), underline));
  }
  void line(const std::string& text = "") { out += text + "\n"; }
  void wrapped(const std::string& text, const std::string& first, const std::string& indent) {
    out += wrap(text, style_.width, first, indent);
  }
  std::string bold(const std::string& text) const {
    return style_.color ? "\033[1m" + text + "\033[0m" : text;
  }
  std::string dim(const std::string& text) const {
    return style_.color ? "\033[2m" + text + "\033[0m" : text;
  }

  void item(const Prescription& item) {
    std::string name = std::string(name_column, ' ') + item.exercise.name;
    std::string dose = dose_text(item);
    std::string effort = effort_text(item);
    if (display_width(name) >= dose_column) {
      line(name);
      name.clear();
    }
    std::string row = pad(pad(name, dose_column) + dose, effort_column);
    if (display_width(row) + display_width(effort) > style_.width) {
      line(pad(name, dose_column) + dose);
      if (!effort.empty()) line(std::string(dose_column, ' ') + effort);
    } else {
      std::string full = row + effort;
      full.erase(full.find_last_not_of(' ') + 1);
      line(full);
    }
    std::string indent(name_column + 2, ' ');
    if (!item.load.empty()) wrapped(item.load, indent + "Load: ", indent + "      ");
    if (!item.alternatives.empty()) {
      std::vector<std::string> names;
      for (const auto& alt : item.alternatives) names.push_back(alt.name);
      wrapped(join(names, ", "), indent + "Or:   ", indent + "      ");
    }
    if (!item.cues.empty()) {
      std::string before = out;
      wrapped(item.cues.front(), indent + "Cue:  ", indent + "      ");
      if (style_.color) out = before + dim(out.substr(before.size(), out.size() - before.size() - 1)) + "\n";
    }
  }

 private:
  const TextStyle& style_;
};

}  // namespace

std::string format_text(const Plan& plan, const TextStyle& style) {
  TextWriter w(style);
  std::vector<std::string> names;
  for (const auto& goal : plan.goals) names.push_back(goal.name);
  w.heading(fmt::format("lbtrain plan: {}", join(names, " + ")), 0);
  w.wrapped(fmt::format("{} week{}, {} session{} a week, level {}, equipment: {}.", plan.weeks,
                        plan.weeks == 1 ? "" : "s", plan.days, plan.days == 1 ? "" : "s", plan.level,
                        plan.equipment_spec),
            "", "");
  for (const auto& week : plan.weeks_list) {
    w.line();
    w.heading(fmt::format("Week {}", week.number), '=');
    if (!week.note.empty()) w.wrapped(week.note, "", "");
    for (const auto& session : week.sessions) {
      w.line();
      w.line(w.bold(fmt::format("Day {}", session.day)) +
             fmt::format(" (about {} min)", session.estimated_minutes));
      for (const auto& block : session.blocks) {
        if (block.items.empty()) continue;
        w.line("  " + w.bold(block.title));
        for (const auto& item : block.items) w.item(item);
      }
    }
  }
  if (!plan.notes.empty()) {
    w.line();
    w.heading("Notes", '=');
    for (const auto& note : plan.notes) {
      std::string text = note.text + (note.source.empty() ? "" : " [" + note.source + "]");
      w.wrapped(text, "- ", "  ");
    }
  }
  if (!plan.sources.empty()) {
    w.line();
    w.heading("Sources", '=');
    for (const auto& [key, text] : plan.sources) w.wrapped(text, pad(key, 4), "    ");
  }
  return w.out;
}

std::string format_refusal_text(const Refusal& refusal, const TextStyle& style) {
  TextWriter w(style);
  w.heading("lbtrain: no plan (" + refusal.label + ")", 0);
  w.line();
  w.wrapped(refusal.text, "", "");
  w.line();
  w.wrapped("[" + refusal.source + "]", "", "");
  return w.out;
}

}  // namespace lbtrain
