#pragma once
// A logged set: its limits, its source as text, and how a run of sets is written in one line
// ("3 x 12 @ 20 kg, RIR 4"), shared by `log`, `history`, the importers and the export.

#include "lbtrain/log.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain::log {

/// What a set may hold: what a human can do, not what a program prescribes (people really do
/// 257 back extensions, or hold a plank for an hour; nobody does 877777 reps or squats 2956 lb).
/// These are the one source of the limits: `log` refuses a typed set beyond them (a usage
/// error), an import skips and lists such a row, and the database's CHECKs (schema version 3,
/// written from these constants by sets_limits_sql()) hold the same numbers.
inline constexpr int max_sets_per_group = 20;
inline constexpr int max_reps = 1000;
inline constexpr int max_seconds = 3 * 3600;
inline constexpr int max_breaths = 1000;
inline constexpr double max_load_kg = 1000;
inline constexpr double max_load_lb = 2205;  // 1000 kg is 2204.62 lb, rounded up to a plate-free number
inline constexpr double kg_per_lb = 0.45359237;  // exact, by definition
inline constexpr double max_rir = 10;

/// The most a count of this kind may be.
int max_count(DoseKind kind);

/// The heaviest load in this unit (1000 kg, 2205 lb).
double max_load(LoadUnit unit);

/// The CHECK constraints of a set's reps, seconds, breaths and load, as SQL, from the limits
/// above: "reps INTEGER CHECK (reps BETWEEN 1 AND 1000), ...".
std::string sets_limits_sql();

/// A load in kilograms.
double in_kg(double load, LoadUnit unit);

/// A load converted to `to`.
double convert(double load, LoadUnit from, LoadUnit to);

/// What is wrong with a count, load or RIR ("150 reps is more than 100, ..."), or "".
std::string count_problem(DoseKind kind, long long count);
std::string load_problem(double load, LoadUnit unit);
std::string rir_problem(double rir);

/// A number as short as it can be written exactly: 20, 22.5, 61.23492.
std::string number_text(double value);

/// "reps", "seconds", "breaths" as a set's count is named in messages.
std::string_view count_noun(DoseKind kind);

/// "typed", "import:strong.csv", "program:week 2 day 1".
std::string source_text(const SetSource& source);

/// The inverse of source_text; nullopt for anything else.
std::optional<SetSource> parse_source_text(std::string_view text);

/// A session's label for people: "" (typed), "17:30 (Strong)", "(FitNotes)".
std::string session_label(std::string_view session);

/// One set: "8 @ 60 kg, RIR 1", "60 s per side", "12 bodyweight".
std::string set_text(const LoggedSet& set);

/// Sets written in one line, consecutive sets of the same kind and warm-up state grouped:
/// "3 x 12 @ 20 kg, RIR 4", "8, 8, 7 @ 60 kg, RIR 3, 2, 1", "warm-up 2 x 5 @ 40 kg; 3 x 5 @ 100 kg",
/// "3 x 30 s per side"; the worst back pain logged with them last: "3 x 5 @ 50 kg; back pain 6/10".
std::string sets_text(const std::vector<LoggedSet>& sets);

/// Estimated one-repetition maximum of a loaded rep set, in `unit`: Epley, load x (1 + reps/30),
/// with reps + reps in reserve when RIR was logged (a single to failure is the load itself);
/// nullopt for bodyweight, holds and breaths.
std::optional<double> estimated_1rm(const LoggedSet& set, LoadUnit unit);

/// The load that estimated_1rm's formula gives for `reps` (reps in reserve included) from an
/// estimated 1RM: its inverse, e1rm / (1 + reps/30); the 1RM itself for a single.
double load_for_reps(double e1rm, double reps);

/// The formula estimated_1rm uses, as README and the JSON output state it.
extern const char* const e1rm_formula;

}  // namespace lbtrain::log
