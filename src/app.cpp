#include "lbtrain/app.hpp"

#include "lbtrain/data_set.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/output.hpp"
#include "lbtrain/planner.hpp"
#include "lbtrain/screening.hpp"
#include "lbtrain/selection.hpp"
#include "lbtrain/settings.hpp"
#include "format/escape.hpp"
#include "text_match.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <iostream>

namespace lbtrain {

TextStyle text_style(const OutputOptions& output, const Terminal& terminal) {
  TextStyle style;
  style.color = output.color == ColorMode::always ||
                (output.color == ColorMode::automatic && output.to_stdout && !terminal.no_color &&
                 (terminal.stdout_is_tty || terminal.clicolor_force));
  if (output.to_stdout && terminal.stdout_is_tty && terminal.columns > 0) {
    style.width = std::clamp(terminal.columns, 60, 160);
  }
  return style;
}

Rendered render_plan(const PlanOptions& options, const Terminal& terminal) {
  const OutputOptions output = resolve_output(options);  // before any data is read
  const TextStyle style = text_style(output, terminal);
  DataSet data = load_data_set(options.catalogues, options.rules, parse_catalogue_format(options.catalogue_format));
  Rendered rendered;
  rendered.warnings = data.rules.warnings;
  Request request = resolve_request(options, output, data);
  ScreeningResult screened = screen(request, data);
  if (const auto* refusal = std::get_if<Refusal>(&screened)) {
    rendered.bytes = output.format == Format::json ? format_refusal_json(*refusal, output.compact)
                                                   : format_refusal_text(*refusal, style);
    rendered.refused = true;
    return rendered;
  }
  const Screened& allowed = std::get<Screened>(screened);
  Selection selection = select_exercises(data, request, allowed);
  Plan plan = build_plan(data, request, allowed, selection);
  switch (output.format) {
    case Format::json: rendered.bytes = format_json(plan, output.compact); break;
    case Format::sheet: rendered.bytes = format_sheet(plan); break;
    case Format::markdown: rendered.bytes = format_markdown(plan); break;
    case Format::csv: rendered.bytes = format_csv(plan); break;
    case Format::html: rendered.bytes = format_html(plan); break;
    case Format::ics: rendered.bytes = format_ics(plan); break;
    case Format::text: rendered.bytes = format_text(plan, style); break;
  }
  return rendered;
}

ExitCode run_plan(const PlanOptions& options, const Terminal& terminal) {
  Rendered rendered = render_plan(options, terminal);
  for (const auto& warning : rendered.warnings) std::cerr << "lbtrain: warning: " << printable(cut_long_values(warning)) << "\n";
  const bool to_stdout = options.output.empty() || options.output == "-";
  if (rendered.refused && !to_stdout) {
    std::cerr << rendered.bytes << std::flush;
  } else {
    write_output(options.output, rendered.bytes);
  }
  return rendered.refused ? ExitCode::refused : ExitCode::ok;
}

}  // namespace lbtrain
