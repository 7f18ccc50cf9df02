#pragma once
// The short notation of `lbtrain log`: what a lifter types after the exercise.
//
//   3x12@20kg rir4          three sets of 12 at 20 kg, 4 reps in reserve
//   8,8,7@60kg rir 3,2,1    set by set; a load or RIR may also be given set by set (@60,60,65kg)
//   3x30s   2x10b           seconds held, breaths; no suffix: the exercise's own kind
//   3x12    3x12@bw         bodyweight
//   rpe8                    reps in reserve from RPE (10 - RPE)
//   warmup 2x5@40kg 3x5@100kg   the group after "warmup" is warm-up sets
//   pain 6   pain6          the worst back pain during the exercise's sets, 0 to 10 (once an entry)
//
// Pure: no catalogue, no database. Malformed input is a usage Error naming the token and what
// is allowed.

#include "lbtrain/log.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lbtrain::log {

/// One group of sets as typed: "3x12@20kg rir4".
struct TypedGroup {
  std::vector<int> counts;          ///< one per set
  std::optional<DoseKind> kind;     ///< from a suffix (s, b, r); none: the exercise's own kind
  std::vector<double> loads;        ///< none: bodyweight; one for every set, or one per set
  std::optional<LoadUnit> unit;     ///< of the loads; none: the default unit
  std::vector<double> rir;          ///< none, one for every set, or one per set
  bool warmup = false;
  std::optional<int> pain;          ///< the entry's back pain, 0 to 10 (the same on every group)
  std::string text;                 ///< the tokens, for messages
};

/// Parses the words after the exercise (each word may hold several tokens separated by spaces).
std::vector<TypedGroup> parse_notation(const std::vector<std::string>& words);

/// What the notation allows, for messages and --help.
extern const char* const notation_help;

}  // namespace lbtrain::log
