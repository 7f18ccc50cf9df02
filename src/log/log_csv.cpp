#include "log/log_csv.hpp"

#include "format/escape.hpp"

namespace lbtrain::logbook {

const std::vector<std::string>& log_csv_columns() {
  static const std::vector<std::string> columns{"date", "exercise_id", "exercise", "set",      "reps",
                                                "seconds", "breaths",  "load",     "unit",     "rir",
                                                "per_side", "warmup",  "note",     "source",   "session"};
  return columns;
}

std::string guarded_field(std::string_view text) {
  if (!text.empty() && text[0] == '\'') return csv_field("'" + std::string(text));
  return csv_field(text);
}

std::string_view read_guarded(std::string_view cell) {
  if (!cell.empty() && cell[0] == '\'') cell.remove_prefix(1);
  return cell;
}

}  // namespace lbtrain::logbook
