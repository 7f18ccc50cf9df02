#pragma once
/// Plans as the unit tests write and read them: PlanOptions built one option at a time, and what
/// a plan says.

#include "lbtrain/plan.hpp"
#include "lbtrain/screen.hpp"

#include <string>
#include <utility>
#include <vector>

namespace lbtrain::test {

/// PlanOptions as `lbtrain plan --goal G...` fills them, one option at a time:
/// `plan_options({"lockout"}).weeks("2").flags({"cannot-hinge"})`. What is not set stays as
/// PlanOptions has it (4 weeks, the goals' days, intermediate, a gym); it converts to
/// PlanOptions wherever one is taken.
class OptionsBuilder {
 public:
  explicit OptionsBuilder(std::vector<std::string> goals);
  OptionsBuilder& weeks(std::string value);
  OptionsBuilder& days(std::string value);
  OptionsBuilder& flags(std::vector<std::string> value);
  OptionsBuilder& level(std::string value);
  OptionsBuilder& equipment(std::string value);
  OptionsBuilder& start(std::string value);
  operator PlanOptions() const { return options_; }  // NOLINT: converts implicitly on purpose

 private:
  PlanOptions options_;
};

inline OptionsBuilder plan_options(std::vector<std::string> goals) { return OptionsBuilder(std::move(goals)); }

/// Whether one of the plan's notes contains `text`.
bool has_note(const Plan& plan, const std::string& text);

}  // namespace lbtrain::test
