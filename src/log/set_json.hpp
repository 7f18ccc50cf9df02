#pragma once
// A logged set as a JSON object, the same in `log export --format json` and `history --format
// json` (data/schema/log-export.schema.json, history.schema.json).

#include "lbtrain/log.hpp"

#include "format/json_writer.hpp"

namespace lbtrain::log {

/// {date, session, exercise_id, exercise, set, reps | seconds | breaths, load?, unit?, rir?,
///  per_side, warmup, note, source {kind, file? | week?, day?}}
void write_set_json(format::JsonWriter& w, const LoggedSet& set);

}  // namespace lbtrain::log
