#include "support/plans.hpp"

#include <algorithm>
#include <utility>

namespace lbtrain::test {

OptionsBuilder::OptionsBuilder(std::vector<std::string> goals) { options_.goals = std::move(goals); }

OptionsBuilder& OptionsBuilder::weeks(std::string value) {
  options_.weeks = std::move(value);
  return *this;
}

OptionsBuilder& OptionsBuilder::days(std::string value) {
  options_.days = std::move(value);
  return *this;
}

OptionsBuilder& OptionsBuilder::flags(std::vector<std::string> value) {
  options_.flags = std::move(value);
  return *this;
}

OptionsBuilder& OptionsBuilder::level(std::string value) {
  options_.level = std::move(value);
  return *this;
}

OptionsBuilder& OptionsBuilder::equipment(std::string value) {
  options_.equipment = std::move(value);
  return *this;
}

OptionsBuilder& OptionsBuilder::start(std::string value) {
  options_.start = std::move(value);
  return *this;
}

bool has_note(const Plan& plan, const std::string& text) {
  return std::any_of(plan.notes.begin(), plan.notes.end(),
                     [&](const Note& n) { return n.text.find(text) != std::string::npos; });
}

}  // namespace lbtrain::test
