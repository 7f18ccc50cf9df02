#pragma once
/// Formatters: pure functions from a plan to bytes. Only the front end decides where they go.

#include "lbtrain/planner.hpp"

#include <string>

namespace lbtrain {

/// How text output looks.
struct TextStyle {
  bool color = false;
  int width = 80;
};

/// The plan as aligned, readable text.
std::string format_text(const Plan& plan, const TextStyle& style);

/// The plan as JSON (the public contract); 2-space indent, or one line when compact.
std::string format_json(const Plan& plan, bool compact);

/// Why no plan was written: a screening answer that refuses one.
struct Refusal {
  std::string screening;  ///< the screening id, e.g. "injury"
  std::string label;
  std::string text;
  std::string source;
};

/// A refusal as plain text.
std::string format_refusal_text(const Refusal& refusal, const TextStyle& style);

/// A refusal as a JSON object ({"refused": true, ...}), so a pipeline can tell it from a crash.
std::string format_refusal_json(const Refusal& refusal, bool compact);

/// The version of the JSON plan format.
inline constexpr int plan_schema_version = 1;

}  // namespace lbtrain
