#include "lbtrain/app.hpp"

#include "lbtrain/data.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/write.hpp"
#include "lbtrain/plan.hpp"
#include "lbtrain/screen.hpp"
#include "lbtrain/select.hpp"
#include "format/escape.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain {

TextStyle text_style(const OutputOptions& output, const Terminal& terminal) {
  TextStyle style;
  style.details = output.details;
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
  Built built = build_from_options(options, output, BuiltFor::plan);
  Rendered rendered;
  rendered.warnings = built.rules.warnings;
  if (built.refusal) {
    rendered.bytes = output.format == Format::json ? format_refusal_json(*built.refusal, output.compact)
                                                   : format_refusal_text(*built.refusal, style);
    rendered.refused = true;
    return rendered;
  }
  std::size_t sessions = 0;
  for (const auto& week : built.plan->weeks_list) sessions += week.sessions.size();
  const std::size_t weeks = built.plan->weeks_list.size();
  rendered.summary = fmt::format("{} week{}, {} session{}", weeks, weeks == 1 ? "" : "s", sessions, sessions == 1 ? "" : "s");
  rendered.plan = std::move(built.plan);
  rendered.output = output;
  rendered.style = style;
  return rendered;
}

}  // namespace lbtrain
