#pragma once
/// What the user asked for: the raw option strings, and the request they resolve to.

#include "lbtrain/data_set.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lbtrain {

/// Output formats of `lbtrain plan`.
enum class Format { text, json };

/// The options of `lbtrain plan` exactly as given; the command-line layer fills it.
struct PlanOptions {
  std::vector<std::string> goals;
  std::string weeks = "4";
  std::optional<std::string> days;
  std::string level = "intermediate";
  std::string equipment = "gym";
  std::string format = "text";
  bool compact = false;
  std::string output;  ///< "" or "-": standard output
  std::string catalogue = "builtin";
  std::string rules = "builtin";
};

/// A validated request: goal ids resolved, numbers in range, equipment expanded.
struct Request {
  std::vector<const Goal*> goals;
  int weeks = 4;
  int days = 1;
  bool days_from_goal = true;
  std::string level = "intermediate";
  std::string equipment_spec;          ///< as given, e.g. "gym" or "dumbbell,band"
  std::vector<std::string> equipment;  ///< expanded, in vocabulary order
  Format format = Format::text;
};

/// Resolves and validates options against the data; throws a usage Error naming the option,
/// the bad value, what is allowed and the nearest valid value.
Request resolve_request(const PlanOptions& options, const DataSet& data);

/// Parses the --format value alone (needed before any data is loaded).
Format parse_format(const std::string& value);

}  // namespace lbtrain
