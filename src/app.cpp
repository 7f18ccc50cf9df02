#include "lbtrain/app.hpp"

#include "lbtrain/data_set.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/output.hpp"
#include "lbtrain/planner.hpp"
#include "lbtrain/selection.hpp"

namespace lbtrain {

std::string render_plan(const PlanOptions& options, const Terminal& terminal) {
  parse_format(options.format);  // a bad --format fails before any data is read
  DataSet data = load_data_set(options.catalogue, options.rules);
  Request request = resolve_request(options, data);
  Selection selection = select_exercises(data, request);
  Plan plan = build_plan(data, request, selection);
  if (request.format == Format::json) return format_json(plan, options.compact);
  bool to_terminal = (options.output.empty() || options.output == "-") && terminal.stdout_is_tty;
  return format_text(plan, TextStyle{to_terminal && !terminal.no_color, 80});
}

void run_plan(const PlanOptions& options, const Terminal& terminal) {
  std::string bytes = render_plan(options, terminal);
  if (options.output.empty() || options.output == "-") {
    write_stdout(bytes);
  } else {
    write_file_atomically(options.output, bytes);
  }
}

}  // namespace lbtrain
