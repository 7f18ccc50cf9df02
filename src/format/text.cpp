#include "format/escape.hpp"
#include "lbtrain/format.hpp"
#include "text_match.hpp"

#include "format/layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>

namespace lbtrain {

namespace {

using namespace layout;

constexpr int name_column = 4;
constexpr int dose_column = name_column + 33;
constexpr int effort_column = dose_column + 24;

class TextWriter {
 public:
  explicit TextWriter(const TextStyle& style) : style_(style) {}

  std::string out;

  /// A heading, wrapped to the width; the underline is as long as its longest line.
  void heading(const std::string& text, char underline) {
    std::string lines = wrap(text, style_.width, "", "  ");
    int longest = 0;
    for (std::size_t pos = 0; pos < lines.size();) {
      std::size_t end = lines.find('\n', pos);
      std::string_view one(lines.data() + pos, end - pos);
      longest = std::max(longest, display_width(one));
      line(bold(std::string(one)));
      pos = end + 1;
    }
    if (underline) line(std::string(static_cast<std::size_t>(longest), underline));
  }
  void line(const std::string& text = "") { out += text + "\n"; }
  void wrapped(const std::string& text, const std::string& first, const std::string& indent) {
    out += wrapped_text(text, first, indent);
  }
  /// wrap() at the style's width, remembered: a long plan says the same cues and loads hundreds
  /// of times, and wrapping (display widths, glyph by glyph) was most of its formatting.
  const std::string& wrapped_text(const std::string& text, const std::string& first, const std::string& indent) {
    std::string key;
    key.reserve(first.size() + indent.size() + text.size() + 2);
    key.append(first).append(1, '\0').append(indent).append(1, '\0').append(text);
    auto [at, added] = wrap_memo_.try_emplace(std::move(key));
    if (added) at->second = wrap(text, style_.width, first, indent);
    return at->second;
  }
  std::string bold(const std::string& text) const {
    return style_.color ? "\033[1m" + text + "\033[0m" : text;
  }
  std::string dim(const std::string& text) const {
    return style_.color ? "\033[2m" + text + "\033[0m" : text;
  }

  /// What was printed of an exercise already: its load and caution lines, last time.
  struct Shown {
    std::string load, caution;
  };

  void item(const Prescription& item, BlockKind block) {
    // Short text: cues, safety cues and alternatives the first time an exercise appears (never
    // in one session's text), a load or caution line again only when it changed.
    auto [shown, first] = shown_.try_emplace(item.exercise.id);
    const bool in_full = style_.details || (first && !style_.one_session);
    const bool safety = style_.details || first;
    // One session says how to load its main work only, and not beside the load as a number.
    const bool load = style_.details || (style_.one_session ? block == BlockKind::main && !item.target_load
                                                            : shown->second.load != item.load);
    const bool caution = style_.details || shown->second.caution != item.caution;
    shown->second = {item.load, item.caution};
    std::string name = std::string(name_column, ' ') + single_line(item.exercise.name);
    std::string dose = dose_text(item);
    std::string effort = effort_text(item);
    if (display_width(name) >= dose_column) {
      // A long name gets lines of its own, wrapped to the width.
      std::string indent(name_column, ' ');
      out += wrapped_text(single_line(item.exercise.name), indent, indent + "  ");
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
    std::string hang = indent + "         ";
    if (!item.gate.empty()) wrapped(single_line(item.gate), indent + "Only if: ", hang);
    if (load && !item.load.empty()) wrapped(single_line(item.load), indent + "Load:    ", hang);
    if (item.target_load) wrapped(single_line(target_load_text(*item.target_load)), indent + "Target:  ", hang);
    if (item.logged) wrapped(single_line(done_text(*item.logged, item.kind)), indent + "Done:    ", hang);
    if (item.last && !item.logged) {
      wrapped(single_line(item.last->date + ": " + done_text(*item.last, item.kind)), indent + "Last:    ", hang);
    }
    if (!item.adaptation.empty()) wrapped(single_line(item.adaptation), indent + "Why:     ", hang);
    if (caution && !item.caution.empty()) wrapped(single_line(item.caution), indent + "Caution: ", hang);
    if (safety) {
      for (const auto& cue : item.safety) wrapped(single_line(cue), indent + "Safety:  ", hang);
    }
    if (in_full && !item.alternatives.empty()) wrapped(alternatives_text(item), indent + "Or:      ", hang);
    if (in_full && !item.cues.empty()) {
      std::string cue = wrapped_text(single_line(item.cues.front()), indent + "Cue:     ", hang);
      if (style_.color) {
        cue.pop_back();  // the newline goes after the colour ends
        cue = dim(cue) + "\n";
      }
      out += cue;
    }
  }

 private:
  const TextStyle& style_;
  std::unordered_map<std::string, std::string> wrap_memo_;
  std::unordered_map<std::string, Shown> shown_;
};

}  // namespace

std::string format_text(const Plan& plan, const TextStyle& style) {
  TextWriter w(style);
  w.heading(plan_heading(plan, "lbtrain plan"), 0);
  const bool short_session = style.one_session && !style.details;
  if (!short_session) w.wrapped(single_line(plan_summary(plan)), "", "");
  for (const auto& week : plan.weeks_list) {
    w.line();
    w.heading(week_title(plan, week), '=');
    if (!week.note.empty()) w.wrapped(single_line(week.note), "", "");
    for (const auto& session : week.sessions) {
      w.line();
      w.line(w.bold(day_title(plan, session)) +
             fmt::format(" (about {} min)", session.estimated_minutes) + status_text(session));
      for (const auto& note : session.notes) w.wrapped(single_line(note.text), "  ", "  ");
      for (const auto& block : session.blocks) {
        if (block.items.empty()) continue;
        w.line("  " + w.bold(single_line(block.title)) + fmt::format(" (about {} min)", block.estimated_minutes));
        for (const auto& item : block.items) w.item(item, block.kind);
      }
    }
  }
  // One session's text keeps the stop rule (the safety notes); the rest is the plan's.
  const bool all_notes = style.details || !style.one_session;
  std::vector<const Note*> notes;
  for (const auto& note : plan.notes) {
    if (all_notes || note.topic == "safety") notes.push_back(&note);
  }
  if (!notes.empty()) {
    w.line();
    w.heading("Notes", '=');
    for (const Note* n : notes) {
      const Note& note = *n;
      std::string text =
          single_line(note.text + (note.source.empty() || short_session ? "" : " [" + note.source + "]"));
      w.wrapped(text, "- ", "  ");
    }
  }
  if (!all_notes && notes.size() < plan.notes.size()) {
    w.line(fmt::format("The plan's other {} notes and its sources: --details, or lbtrain program.",
                       plan.notes.size() - notes.size()));
  }
  if (all_notes && !plan.sources.empty()) {
    w.line();
    w.heading("Sources", '=');
    // Keys are short ("LB"); a long one from a custom catalogue gets its own width, up to 12.
    int width = 4;
    for (const auto& [key, text] : plan.sources) width = std::max(width, std::min(display_width(single_line(key)) + 1, 12));
    for (const auto& [key, text] : plan.sources) {
      std::string label = single_line(key);
      if (display_width(label) >= width) label = truncate(label, width - 1);
      w.wrapped(single_line(text), pad(label, width), std::string(static_cast<std::size_t>(width), ' '));
    }
  }
  return w.out;
}

std::string format_refusal_text(const Refusal& refusal, const TextStyle& style) {
  TextWriter w(style);
  w.heading("lbtrain: no plan (" + single_line(refusal.label) + ")", 0);
  w.line();
  w.wrapped(single_line(refusal.text), "", "");
  w.line();
  w.wrapped("[" + single_line(refusal.source) + "]", "", "");
  return w.out;
}

}  // namespace lbtrain
