#pragma once
/// Formatters: pure functions from a plan to bytes. Only the front end decides where they go: a
/// plan's formats write into a sink (src/write/) a piece at a time, or return one string.

#include "lbtrain/select.hpp"
#include "lbtrain/model/plan.hpp"
#include "lbtrain/screen.hpp"
#include "lbtrain/write.hpp"

#include <string>

namespace lbtrain {

/// How text output looks.
struct TextStyle {
  bool color = false;
  int width = 80;
  /// Every exercise's load, cues, safety cues and alternatives every time it appears, and every
  /// note. Without it, text is short: an exercise's cues, safety cues and alternatives come the
  /// first time it appears, a load or caution again only when it changes.
  bool details = false;
  /// One session (`lbtrain next`): without details, no cues or alternatives, and of the plan's
  /// notes only the safety ones (the stop rule); the rest are in `plan` and `program`.
  bool one_session = false;
};

/// The plan as aligned, readable text.
std::string format_text(const Plan& plan, const TextStyle& style);

/// The plan as JSON (the public contract); 2-space indent, or one line when compact.
std::string format_json(const Plan& plan, bool compact);

/// Page size of the printable sheet: fits A4 and US Letter in a monospace font.
inline constexpr int sheet_columns = 80;
inline constexpr int sheet_lines = 66;

/// The plan as a printable sheet to train from: a page per week (a week too long for one page
/// continues on the next), pages separated by form feeds, blank cells for every set.
std::string format_sheet(const Plan& plan);

/// The plan as GitHub-flavoured Markdown: a heading per week and day, a table per block.
std::string format_markdown(const Plan& plan);

/// The plan as RFC 4180 CSV (CRLF line ends): a header row, then one row per set.
std::string format_csv(const Plan& plan);

/// The plan as one standalone HTML5 page (no external assets, no script) that prints a week per
/// page with the same write-in cells as the sheet.
std::string format_html(const Plan& plan);

/// The plan as an RFC 5545 calendar: one event per session. Needs dates (plan.start).
std::string format_ics(const Plan& plan);

/// A refusal as plain text.
std::string format_refusal_text(const Refusal& refusal, const TextStyle& style);

/// A refusal as a JSON object ({"refused": true, ...}), so a pipeline can tell it from a crash.
std::string format_refusal_json(const Refusal& refusal, bool compact);

/// `lbtrain goals`: each goal, its aliases, what it strengthens, stretches and avoids.
std::string format_goals(const Rules& rules, bool json, bool compact = false);

/// `lbtrain exercises`: a table (text) or an array of exercises (JSON).
std::string format_exercise_list(const std::vector<const Exercise*>& exercises, bool json, bool compact = false);

/// `lbtrain exercises show ID`: everything about one exercise.
std::string format_exercise_details(const Rules& rules, const ExerciseDetails& details, bool json, bool compact = false);

/// A catalogue as lbtrain-catalogue JSON (what `lbtrain catalog import` writes).
std::string format_catalogue(const Catalogue& catalogue);

/// The version of the JSON plan format.
inline constexpr int plan_schema_version = 1;

/// A plan in the chosen output format.
std::string format_plan(const Plan& plan, const OutputOptions& output, const TextStyle& style);

/// The same bytes as format_plan, written into `sink` as they are made (not finished: the
/// caller calls sink.finish()). Each distinct item is formatted once a week and its bytes
/// repeated on the days that have it.
void write_plan(const Plan& plan, const OutputOptions& output, const TextStyle& style, Sink& sink);
void write_text(const Plan& plan, const TextStyle& style, Sink& sink);
void write_json(const Plan& plan, bool compact, Sink& sink);
void write_sheet(const Plan& plan, Sink& sink);
void write_markdown(const Plan& plan, Sink& sink);
void write_csv(const Plan& plan, Sink& sink);
void write_html(const Plan& plan, Sink& sink);
void write_ics(const Plan& plan, Sink& sink);

}  // namespace lbtrain
