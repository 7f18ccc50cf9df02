#pragma once
/// `lbtrain report`: a program's progress as the log shows it. Pure, like the plan formatters:
/// a ProgramView in, bytes out; the front end decides where they go.

#include "lbtrain/format.hpp"
#include "lbtrain/program.hpp"

#include <string>

namespace lbtrain {

/// One standalone HTML5 page (no script, no external assets; inline CSS and SVG) that prints on
/// A4: the adherence (sessions planned, due and logged, days behind), then per main exercise
/// with logged sessions a chart of each session as logged against its prescription (load and
/// estimated 1RM, and reps; reps or seconds alone for bodyweight exercises and holds) with a
/// table of the same numbers. Every point carries its numbers as data-* attributes
/// (data-series, data-date, data-load, data-unit, data-reps, data-e1rm). Same view, same bytes.
std::string format_report_html(const ProgramView& view);

/// The same report as text for a terminal, `style.width` columns wide: the adherence, then per
/// main exercise its first and last session as logged, best estimated 1RM and trend.
std::string format_report_text(const ProgramView& view, const TextStyle& style);

}  // namespace lbtrain
