// The chosen output format's formatter for a plan.
#include "lbtrain/format.hpp"

namespace lbtrain {

std::string format_plan(const Plan& plan, const OutputOptions& output, const TextStyle& style) {
  switch (output.format) {
    case Format::json: return format_json(plan, output.compact);
    case Format::sheet: return format_sheet(plan);
    case Format::markdown: return format_markdown(plan);
    case Format::csv: return format_csv(plan);
    case Format::html: return format_html(plan);
    case Format::ics: return format_ics(plan);
    case Format::text: break;
  }
  return format_text(plan, style);
}

}  // namespace lbtrain
