#pragma once
// Shared by the formatters: text layout in columns and the words every format uses for a
// dose, an effort, a day and a week.

#include "lbtrain/model/plan.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace lbtrain::layout {

/// Terminal columns of one code point: 2 for East Asian wide and fullwidth characters (CJK,
/// most emoji), 0 for combining marks, zero-width and control characters, else 1.
int code_point_width(std::uint32_t code_point);

/// One character of UTF-8 text: its bytes and its columns (a byte that is not UTF-8 counts as
/// one byte, one column).
struct Glyph {
  std::size_t bytes;
  int width;
};
Glyph next_glyph(std::string_view text, std::size_t i);

/// Display width of UTF-8 text in terminal columns (see code_point_width).
int display_width(std::string_view text);

/// `text` padded with spaces to `width` columns.
std::string pad(std::string text, int width);

/// `text` cut to at most `width` columns, ending in "..." when cut.
std::string truncate(const std::string& text, int width);

/// Word-wraps `text` to `width` columns; the first line starts with `first`, the others with
/// `indent`. Every line ends in a newline; a word longer than a line is broken across lines
/// (nothing is lost). Linear in the length of `text`.
std::string wrap(const std::string& text, int width, const std::string& first, const std::string& indent);

/// "3 x 12", "2 x 30 s per side", "1 x 10 breaths".
std::string dose_text(const Prescription& item);
std::string dose_text(int sets, DoseKind kind, int value, bool per_side);

/// "Front plank 3 x 20 s" (the name made one line).
std::string alternative_text(const Alternative& alternative);

/// "Front plank 3 x 20 s; Dead bug 3 x 8" for an item's alternatives.
std::string alternatives_text(const Prescription& item);

/// "RIR 3-5, tempo 3-1-1-0, rest 90 s" (only the parts the item has).
std::string effort_text(const Prescription& item);

/// Sets as logged, in one line: "3 x 12 @ 20 kg, RIR 4", "12, 12, 11 @ 20 kg, RIR 4, 3, 2",
/// "30, 25 s" (the item's kind names the count).
std::string done_text(const DoneItem& done, DoseKind kind);

/// " - done", " - next" for a program's session; "" in a plan.
std::string status_text(const Session& session);

/// "20 kg (logged 2026-11-23)".
std::string target_load_text(const TargetLoad& load);

/// A set's load or "" for a write-in cell: the logged one, else the target.
std::string cell_load(const Prescription& item, std::size_t set);
/// A set's logged count or RIR for a write-in cell, "" when not logged.
std::string cell_count(const Prescription& item, std::size_t set);
std::string cell_rir(const Prescription& item, std::size_t set);

/// What a set's count is called: "Reps", "Seconds", "Breaths".
std::string_view count_label(DoseKind kind);

/// "Deadlift lockout + Lordosis ...".
std::string goal_title(const Plan& plan);

/// "TITLE: Goals" when the plan has a --title, else "PREFIX: Goals" ("Goals" for no prefix), on
/// one line.
std::string plan_heading(const Plan& plan, std::string_view prefix);

/// "4 weeks, 1 session a week, level intermediate, equipment: gym." and, with --start,
/// " Starts 2026-11-23." (raw catalogue-free text; each format escapes it as a whole).
std::string plan_summary(const Plan& plan);

/// "Week 2 of 4".
std::string week_title(const Plan& plan, const Week& week);

/// "Day 1", "Day 1, Mon", "Day 1, Mon 2026-11-23" or "Day 1, Mon 2026-11-23 at 18:30".
std::string day_title(const Plan& plan, const Session& session);

/// The shortest of an exercise's cues, the one a sheet has room for ("" when it has none).
std::string shortest_cue(const Prescription& item);

}  // namespace lbtrain::layout
