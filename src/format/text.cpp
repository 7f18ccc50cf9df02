#include "format/escape.hpp"
#include "lbtrain/model/calendar.hpp"
#include "lbtrain/format.hpp"
#include "model/text_match.hpp"

#include "format/layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
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

  /// Whether a plan's block is the same as the last time that day had it (the same exercises,
  /// doses and efforts, nothing new to say of any of them): then it is one line, "as in week N".
  /// Returns the week it was printed in full, or 0 (and remembers this one) when it is not.
  /// A plan's block whose every exercise has the same load line, new here, says it once under
  /// its title ("Load for each: bodyweight, slow and controlled") instead of on every exercise.
  /// Returns the title line, with the load when it fits there.
  std::string block_load(const SessionBlock& block, const std::string& title, int title_width) {
    hoisted_.clear();
    if (style_.details || style_.one_session || block.items.size() < 2) return title;
    const std::string& load = block.items.front().load;
    for (const auto& item : block.items) {
      auto shown = shown_.find(item.exercise.id);
      if (item.load != load || load.empty() || (shown != shown_.end() && shown->second.load == load)) return title;
    }
    hoisted_ = load;
    std::string said = " - load for each: " + single_line(load);
    if (title_width + display_width(said) <= style_.width) return title + said;
    line(title);
    std::string indent(name_column, ' ');
    std::string own = wrapped_text(single_line(load), indent + "Load for each: ", indent + "  ");
    own.pop_back();  // the caller ends the line
    return own;
  }

  int same_block(const Session& session, const SessionBlock& block, int week) {
    if (style_.details || style_.one_session) return 0;
    std::string signature;
    bool plain = true;
    for (const auto& item : block.items) {
      signature += item.exercise.id + '\0' + dose_text(item) + '\0' + effort_text(item) + '\n';
      auto shown = shown_.find(item.exercise.id);
      plain = plain && shown != shown_.end() && shown->second.load == item.load &&
              shown->second.caution == item.caution && item.gate.empty() && !item.target_load &&
              !item.logged && !item.last && item.adaptation.empty();
    }
    auto [at, added] =
        blocks_.try_emplace(std::to_string(session.day) + '\0' + block.title, Printed{signature, week});
    if (!added && plain && at->second.signature == signature) return at->second.week;
    at->second = {signature, week};
    return 0;
  }

  void item(const Prescription& item, BlockKind block) {
    // Short text: cues, safety cues and alternatives the first time an exercise appears (never
    // in one session's text), a load or caution line again only when it changed.
    auto [shown, first] = shown_.try_emplace(item.exercise.id);
    const bool in_full = style_.details || (first && !style_.one_session);
    const bool safety = style_.details || first;
    // One session says how to load its main work only, and not beside the load as a number.
    const bool load = style_.details || (style_.one_session ? block == BlockKind::main && !item.target_load
                                                            : shown->second.load != item.load && item.load != hoisted_);
    const bool caution = (style_.details || shown->second.caution != item.caution) && !said_caution_.count(item.caution);
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
    // One session's short text says the last time only where it is the load to go by (the
    // target, when there is one, names the load and the day it was logged); back pain logged
    // with it is in its Why line.
    auto last_has = [&](auto&& has) {
      return item.last && std::any_of(item.last->sets.begin(), item.last->sets.end(), has);
    };
    const bool last = style_.details || !style_.one_session ||
                      (!item.target_load && last_has([](const DoneSet& set) { return set.load.has_value(); }));
    if (item.last && !item.logged && last) {
      wrapped(single_line(item.last->date + ": " + done_text(*item.last, item.kind)), indent + "Last:    ", hang);
    }
    if (!item.adaptation.empty() && !said_why_.count(item.adaptation)) {
      wrapped(single_line(item.adaptation), indent + "Why:     ", hang);
    }
    if (caution && !item.caution.empty()) wrapped(single_line(item.caution), indent + "Caution: ", hang);
    if (safety && style_.one_session && !style_.details && !item.safety.empty()) {
      // One session's short text runs an exercise's safety cues together, as one paragraph.
      std::string cues;
      for (const auto& cue : item.safety) cues += (cues.empty() ? "" : " ") + single_line(cue);
      wrapped(cues, indent + "Safety:  ", hang);
    } else if (safety) {
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
  /// A block as last printed in full: what it held, and in which week.
  struct Printed {
    std::string signature;
    int week = 0;
  };
  std::unordered_map<std::string, Printed> blocks_;
  std::string hoisted_;  ///< the load line the block's title said for every exercise

 public:
  /// One session's short text says a caution or a Why line that several of its exercises share
  /// once, at the top ("Caution for Air squat and Leg press: ..."), not under each of them.
  void shared_lines(const Session& session) {
    said_caution_.clear();
    said_why_.clear();
    if (style_.details || !style_.one_session) return;
    say_shared(session, "Why", &Prescription::adaptation, said_why_);
    say_shared(session, "Caution", &Prescription::caution, said_caution_);
  }

  /// One session's short text says a warm-up or cool-down that the last session done had as it
  /// is in one paragraph: "Warm-up (about 9 min), as on Mon 2026-09-07: Bird dog 2 x 8 per side,
  /// Glute bridge 2 x 12" (its cues and safety cues: --details). False when it is said in full.
  bool brief_block(const SessionBlock& block, const std::string& title) {
    if (style_.details || !style_.one_session || !block.same_as) return false;
    for (const auto& item : block.items) {
      if (!item.caution.empty() && !said_caution_.count(item.caution)) return false;
    }
    // One dose for all ("1 x 10 breaths each"), a side each where it has sides, said once.
    const Prescription& first = block.items.front();
    const bool one_dose = std::all_of(block.items.begin(), block.items.end(), [&](const Prescription& item) {
      return item.sets == first.sets && item.kind == first.kind && item.value == first.value;
    });
    std::string list;
    for (const auto& item : block.items) {
      list += (list.empty() ? "" : ", ") + single_line(item.exercise.name) +
              (!one_dose ? " " + dose_text(item) : item.per_side ? " (per side)" : "");
    }
    const Date date = *block.same_as;
    const std::string each = one_dose ? ", " + dose_text(first.sets, first.kind, first.value, false) + " each" : "";
    wrapped(fmt::format("{}, as on {} {}{}: {}", title, weekday_label(weekday_index(date)), iso_date(date), each, list),
            "  ", "    ");
    return true;
  }

 private:
  void say_shared(const Session& session, const std::string& label, std::string Prescription::*field,
                  std::set<std::string>& said) {
    struct Shared {
      std::string text;
      std::vector<std::string> names;
      std::size_t main = 0;  ///< how many of them are main-block exercises
    };
    std::vector<Shared> shared;  // in the session's order
    std::size_t mains = 0;
    for (const auto& block : session.blocks) {
      if (block.kind == BlockKind::main) mains += block.items.size();
      for (const auto& item : block.items) {
        const std::string& text = item.*field;
        if (text.empty()) continue;
        auto at = std::find_if(shared.begin(), shared.end(), [&](const Shared& s) { return s.text == text; });
        if (at == shared.end()) at = shared.insert(shared.end(), {text, {}, 0});
        at->names.push_back(single_line(item.exercise.name));
        if (block.kind == BlockKind::main) ++at->main;
      }
    }
    for (const auto& s : shared) {
      if (s.names.size() < 2) continue;
      said.insert(s.text);
      std::string list = s.names.front();
      for (std::size_t i = 1; i < s.names.size(); ++i) list += (i + 1 == s.names.size() ? " and " : ", ") + s.names[i];
      if (s.main == mains && s.names.size() == mains) list = "every main exercise";
      wrapped(label + " for " + list + ": " + single_line(s.text), "  ", "    ");
    }
  }

  std::set<std::string> said_caution_, said_why_;  ///< what the session's top said for several exercises
};

/// The source keys a note cites ("BE; LB" of "BE: sample program; LB: caution"), the plan's
/// keys only ("" when it cites none of them); with `others`, a part that names no source of the
/// plan stays whole ("LB; warning signs: common clinical practice, not from the articles").
std::string source_keys(const Plan& plan, const std::string& source, bool others = false) {
  std::vector<std::string> keys;
  for (std::size_t pos = 0; pos <= source.size();) {
    std::size_t end = source.find("; ", pos);
    if (end == std::string::npos) end = source.size();
    std::string part = source.substr(pos, end - pos);
    std::string key = part.substr(0, part.find(':'));
    if (!plan.sources.count(key)) key = others ? part : "";
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    pos = end + 2;
  }
  return join(keys, "; ");
}

/// The plan's notes. In full with --details; one session keeps the stop rule (the safety notes)
/// alone; a plan's short text has the safety and posture notes in full (what to stop for, what to
/// have checked first), how the exercises progress (the weeks
/// show it) on one line, and every other note on one line, cut to the width; each note with the
/// keys of its sources.
void notes_text(TextWriter& w, const Plan& plan, const TextStyle& style) {
  if (plan.notes.empty()) return;
  const bool short_session = style.one_session && !style.details;
  const bool short_plan = !style.one_session && !style.details;
  std::vector<const Note*> notes;
  std::vector<std::string> progression_keys;
  for (const auto& note : plan.notes) {
    if (short_session && note.topic != "safety") continue;
    if (short_plan && note.topic == "progression" && !source_keys(plan, note.source).empty()) {
      if (progression_keys.empty()) notes.push_back(&note);  // the place of the one line
      progression_keys.push_back(source_keys(plan, note.source));
      continue;
    }
    notes.push_back(&note);
  }
  if (notes.empty()) return;
  w.line();
  // One session's short text has the stop rule alone, under no heading.
  if (!short_session) w.heading(short_plan ? "Notes (each in full, and where in its sources: --details)" : "Notes", '=');
  for (const Note* n : notes) {
    const Note& note = *n;
    std::string text = single_line(note.text);
    std::string keys = single_line(source_keys(plan, note.source));
    if (!short_plan || keys.empty()) {
      w.wrapped(text + (note.source.empty() || short_session ? "" : " [" + single_line(note.source) + "]"),
                short_session ? "" : "- ", short_session ? "" : "  ");
      continue;
    }
    if (note.topic == "safety" || note.topic == "posture") {
      w.wrapped(text + " [" + single_line(source_keys(plan, note.source, true)) + "]", "- ", "  ");
      continue;
    }
    if (note.topic == "progression") {
      keys = single_line(source_keys(plan, join(progression_keys, "; ")));
      text = fmt::format("How each main exercise progresses ({} note{})", progression_keys.size(),
                         progression_keys.size() == 1 ? "" : "s");
    }
    std::string tail = " [" + keys + "]";
    std::string one = "- " + text;
    int room = style.width - display_width(tail);
    if (room < 20) {  // keys too long to share a line: the note wraps whole
      w.wrapped(text + tail, "- ", "  ");
      continue;
    }
    if (display_width(one) > room) one = truncate(one, room);
    w.line(one + tail);
  }
  if (short_session && notes.size() < plan.notes.size()) {
    w.line(fmt::format("The plan's other {} notes and its sources: --details, or lbtrain program.",
                       plan.notes.size() - notes.size()));
  }
}

/// The sources: in full with --details; in a plan's short text one line each, cut to the width,
/// the ones its notes cite (all when they cite none); none in one session's short text.
void sources_text(TextWriter& w, const Plan& plan, const TextStyle& style) {
  if (plan.sources.empty() || (style.one_session && !style.details)) return;
  // Keys are short ("LB"); a long one from a custom catalogue gets its own width, up to 12.
  int width = 4;
  for (const auto& [key, text] : plan.sources) width = std::max(width, std::min(display_width(single_line(key)) + 1, 12));
  const std::string indent(static_cast<std::size_t>(width), ' ');
  w.line();
  if (style.details) {
    w.heading("Sources", '=');
    for (const auto& [key, text] : plan.sources) {
      std::string label = single_line(key);
      if (display_width(label) >= width) label = truncate(label, width - 1);
      w.wrapped(single_line(text), pad(label, width), indent);
    }
    return;
  }
  std::set<std::string> cited;
  for (const auto& note : plan.notes) {
    std::string keys = "; " + source_keys(plan, note.source) + ";";
    for (const auto& [key, text] : plan.sources) {
      if (keys.find("; " + key + ";") != std::string::npos) cited.insert(key);
    }
  }
  std::string first = w.bold("Sources:") + " ";
  for (const auto& [key, text] : plan.sources) {
    if (!cited.empty() && !cited.count(key)) continue;
    std::string label = single_line(key);
    if (display_width(label) >= width) label = truncate(label, width - 1);
    w.line(first + truncate(pad(label, width) + single_line(text), style.width - 9));
    first = std::string(9, ' ');
  }
}

}  // namespace

void write_text(const Plan& plan, const TextStyle& style, Sink& sink) {
  TextWriter w(style);
  w.heading(plan_heading(plan, "lbtrain plan"), 0);
  const bool short_session = style.one_session && !style.details;
  if (!short_session) w.wrapped(single_line(plan_summary(plan)), "", "");
  for (const auto& week : plan.weeks_list) {
    // One session's short text names its week and day on one line, under the title.
    const bool one_line = short_session && week.sessions.size() == 1;
    if (!one_line) w.line();
    if (!one_line) w.heading(week_title(plan, week), '=');
    for (const auto& session : week.sessions) {
      std::string title = w.bold((one_line ? week_title(plan, week) + ", " : "") + day_title(plan, session)) +
                          fmt::format(" (about {} min)", session.estimated_minutes) + status_text(session);
      if (one_line) w.line(title);
      if (&session == &week.sessions.front() && !week.note.empty()) w.wrapped(single_line(week.note), "", "");
      if (&session != &week.sessions.front() || !week.note.empty()) w.line();
      if (!one_line) w.line(title);
      for (const auto& note : session.notes) w.wrapped(single_line(note.text), "  ", "  ");
      w.shared_lines(session);
      for (const auto& block : session.blocks) {
        if (block.items.empty()) continue;
        std::string block_title =
            "  " + w.bold(single_line(block.title)) + fmt::format(" (about {} min)", block.estimated_minutes);
        if (w.brief_block(block, single_line(block.title) + fmt::format(" (about {} min)", block.estimated_minutes))) {
          continue;
        }
        if (int as_in = w.same_block(session, block, week.number)) {
          w.line(block_title + fmt::format(": as in week {}", as_in) +
                 (plan.days > 1 ? fmt::format(", day {}", session.day) : ""));
          continue;
        }
        w.line(w.block_load(block, block_title,
                            display_width(single_line(block.title)) +
                                display_width(fmt::format("   (about {} min)", block.estimated_minutes))));
        for (const auto& item : block.items) w.item(item, block.kind);
      }
    }
    sink.write(w.out);
    w.out.clear();
  }
  notes_text(w, plan, style);
  sources_text(w, plan, style);
  sink.write(w.out);
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
