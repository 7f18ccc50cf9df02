#pragma once
/// `lbtrain assess`: a questionnaire (questions and what each answer means live in the rules
/// data) that ends with the `lbtrain plan` command it recommends.

#include "lbtrain/request.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain {

/// Answers so far: question id -> answer id.
using Answers = std::map<std::string, std::string>;

/// Whether a question is asked, given the answers before it.
bool applies(const Question& question, const Answers& answers);

/// The answer a reply names: its number (1-based) or its id, case-insensitive; or nullptr.
const Answer* match_answer(const Question& question, std::string_view reply);

/// How the questions are shown and what else a reply may be.
struct AskStyle {
  int width = 80;  ///< questions and answers are wrapped to this many columns
  /// The equipment items of the vocabulary: a question whose answers set the equipment also
  /// takes a comma-separated list of these ("mat,band").
  std::vector<std::string> equipment_items;
};

/// Asks every question that applies on `out`, reading replies from `in`; an invalid reply is
/// asked again with the valid choices. Each answer is shown with its number and its word.
/// Throws a cancelled Error at end of input.
Answers ask_questions(const Rules& rules, std::istream& in, std::ostream& out, const AskStyle& style = {});

/// The comma-separated equipment items of `reply`, each one of `items`, joined with commas; ""
/// when any is not.
std::string equipment_list(std::string_view reply, const std::vector<std::string>& items);

/// Reads answers from a JSON object {question id: answer id}; throws a usage Error naming
/// every missing or invalid answer and the valid choices.
Answers answers_from_json(const Rules& rules, const nlohmann::json& answers, const std::string& origin);

/// The plan options the answers amount to.
PlanOptions options_from_answers(const Rules& rules, const Answers& answers);

/// The `lbtrain plan ...` command line for these options.
std::string plan_command(const Rules& rules, const PlanOptions& options);

}  // namespace lbtrain
