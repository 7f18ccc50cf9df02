#include "log/log_csv.hpp"

#include "format/escape.hpp"

namespace lbtrain::log {

const std::vector<std::string>& log_csv_columns() {
  static const std::vector<std::string> columns{"date", "exercise_id", "exercise", "set",      "reps",
                                                "seconds", "breaths",  "load",     "unit",     "rir",
                                                "per_side", "warmup",  "note",     "source",   "session", "pain"};
  return columns;
}

std::string guarded_field(std::string_view text) {
  // Not csv_field: that one makes a cell for reading (one line); the log's export must give
  // back every byte the lifter typed, line breaks and tabs included.
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r'").find(text[0]) != std::string_view::npos) cell = "'";
  cell += text;
  return csv_quoted(cell);
}

std::string_view read_guarded(std::string_view cell) {
  if (!cell.empty() && cell[0] == '\'') cell.remove_prefix(1);
  return cell;
}

}  // namespace lbtrain::log
