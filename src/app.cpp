#include "lbtrain/app.hpp"

#include "lbtrain/data_set.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/output.hpp"
#include "lbtrain/planner.hpp"
#include "lbtrain/screening.hpp"
#include "lbtrain/selection.hpp"
#include "lbtrain/settings.hpp"
#include "lbtrain/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <iostream>

namespace lbtrain {

namespace {

bool to_stdout(const PlanOptions& options) { return options.output.empty() || options.output == "-"; }

}  // namespace

TextStyle text_style(const PlanOptions& options, const Terminal& terminal) {
  TextStyle style;
  if (options.color == "always") {
    style.color = true;
  } else if (options.color == "auto") {
    style.color = to_stdout(options) && !terminal.no_color && (terminal.stdout_is_tty || terminal.clicolor_force);
  } else if (options.color != "never") {
    const auto& modes = color_modes();
    usage_error(unknown_value_message(options.where_of("color"), "colour mode", options.color, modes, modes));
  }
  if (to_stdout(options) && terminal.stdout_is_tty && terminal.columns > 0) {
    style.width = std::clamp(terminal.columns, 60, 160);
  }
  return style;
}

Rendered render_plan(const PlanOptions& options, const Terminal& terminal) {
  parse_format(options.format, options.where_of("format"));  // fails before any data is read
  TextStyle style = text_style(options, terminal);
  DataSet data = load_data_set(options.catalogues, options.rules,
                               parse_catalogue_format(options.catalogue_format));
  Request request = resolve_request(options, data);
  ScreeningResult screened = screen(request, data);
  if (const auto* refusal = std::get_if<Refusal>(&screened)) {
    return {request.format == Format::json ? format_refusal_json(*refusal, options.compact)
                                           : format_refusal_text(*refusal, style),
            true};
  }
  const Screened& allowed = std::get<Screened>(screened);
  Selection selection = select_exercises(data, request, allowed);
  Plan plan = build_plan(data, request, allowed, selection);
  switch (request.format) {
    case Format::json: return {format_json(plan, options.compact), false};
    case Format::sheet: return {format_sheet(plan), false};
    case Format::markdown: return {format_markdown(plan), false};
    case Format::csv: return {format_csv(plan), false};
    case Format::html: return {format_html(plan), false};
    case Format::ics: return {format_ics(plan), false};
    case Format::text: break;
  }
  return {format_text(plan, style), false};
}

ExitCode run_plan(const PlanOptions& options, const Terminal& terminal) {
  Rendered rendered = render_plan(options, terminal);
  if (rendered.refused && !to_stdout(options)) {
    std::cerr << rendered.bytes << std::flush;
  } else if (to_stdout(options)) {
    write_stdout(rendered.bytes);
  } else {
    write_file_atomically(options.output, rendered.bytes);
  }
  return rendered.refused ? ExitCode::refused : ExitCode::ok;
}

}  // namespace lbtrain
