#pragma once
// lbtrain's own CSV form of the log, written by `lbtrain log export --format csv` and read back
// by `lbtrain log import`: a row per set, RFC 4180, every text cell formula-guarded in a way
// that reads back exactly.

#include <string>
#include <string_view>
#include <vector>

namespace lbtrain::log {

/// The header, in order: date, exercise_id, exercise, set, reps, seconds, breaths, load, unit,
/// rir, per_side, warmup, note, source, session, pain (appended
/// in schema version 5; an older export without session or pain still reads).
const std::vector<std::string>& log_csv_columns();

/// A text cell: csv_field's formula guard (a leading ' before = + - @, tab or carriage
/// return), and a leading ' doubled, so that read_guarded gives back exactly the text.
std::string guarded_field(std::string_view text);

/// The text of a cell written by guarded_field (one leading ' removed).
std::string_view read_guarded(std::string_view cell);

}  // namespace lbtrain::log
