#include "lbtrain/app.hpp"

#include "lbtrain/model/error.hpp"
#include "lbtrain/screen.hpp"
#include "format/escape.hpp"
#include "format/layout.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <istream>
#include <ostream>

namespace lbtrain {

namespace {

/// A JSON value as a message shows it: a scalar as written (true, 3, null), a container by kind
/// (its contents could be megabytes).
std::string json_kind(const nlohmann::json& value) {
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return value.dump();
}

std::string trim_lower(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  auto last = text.find_last_not_of(" \t\r\n");
  std::string out = first == std::string::npos ? "" : std::string(text.substr(first, last - first + 1));
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> answer_ids(const Question& q) {
  std::vector<std::string> ids;
  for (const auto& a : q.answers) ids.push_back(a.id);
  return ids;
}

}  // namespace

bool applies(const Question& question, const Answers& answers) {
  for (const auto& [earlier, accepted] : question.when) {
    auto it = answers.find(earlier);
    if (it == answers.end()) return false;
    if (std::find(accepted.begin(), accepted.end(), it->second) == accepted.end()) return false;
  }
  return true;
}

const Answer* match_answer(const Question& question, std::string_view reply) {
  std::string wanted = trim_lower(reply);
  if (wanted.empty()) return nullptr;
  if (std::all_of(wanted.begin(), wanted.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
      wanted.size() < 4) {
    std::size_t n = std::stoul(wanted);
    return n >= 1 && n <= question.answers.size() ? &question.answers[n - 1] : nullptr;
  }
  for (const auto& a : question.answers) {
    if (a.id == wanted) return &a;
  }
  // "y" and "n" for yes/no questions.
  for (const auto& a : question.answers) {
    if (wanted.size() == 1 && !a.id.empty() && a.id[0] == wanted[0] &&
        std::count_if(question.answers.begin(), question.answers.end(),
                      [&](const Answer& b) { return !b.id.empty() && b.id[0] == wanted[0]; }) == 1) {
      return &a;
    }
  }
  return nullptr;
}

std::string equipment_list(std::string_view reply, const std::vector<std::string>& items) {
  std::vector<std::string> chosen;
  std::string text = trim_lower(reply);
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t end = std::min(text.find(',', at), text.size());
    std::string item = trim_lower(std::string_view(text).substr(at, end - at));
    if (std::find(items.begin(), items.end(), item) == items.end()) return "";
    if (std::find(chosen.begin(), chosen.end(), item) == chosen.end()) chosen.push_back(item);
    at = end + 1;
  }
  return join(chosen, ",");
}

namespace {

bool sets_equipment(const Question& question) {
  return std::any_of(question.answers.begin(), question.answers.end(),
                     [](const Answer& a) { return !a.set.equipment.empty(); });
}

/// The question, its note and its answers, each answer with its number and the word it takes.
std::string show_question(const Question& question, std::size_t number, const AskStyle& style) {
  const int width = std::max(style.width, 40);
  std::string prefix = std::to_string(number) + ". ";
  std::string out = "\n" + layout::wrap(single_line(question.text), width, prefix, std::string(prefix.size(), ' '));
  if (!question.note.empty()) out += layout::wrap("(" + single_line(question.note) + ")", width, "   ", "    ");
  std::size_t id_width = 0;
  for (const auto& a : question.answers) id_width = std::max(id_width, a.id.size());
  for (std::size_t i = 0; i < question.answers.size(); ++i) {
    const Answer& a = question.answers[i];
    std::string head = fmt::format("   {}) {:<{}}", i + 1, single_line(a.id), id_width);
    // The label only when it says more than the word ("yes" and "Yes" are shown once).
    std::string label = trim_lower(a.label) == a.id ? "" : single_line(a.label);
    if (label.empty()) {
      out += fmt::format("   {}) {}\n", i + 1, single_line(a.id));
    } else {
      out += layout::wrap(label, width, head + "  ", std::string(head.size() + 2, ' '));
    }
  }
  if (sets_equipment(question) && !style.equipment_items.empty()) {
    out += layout::wrap("Or type what you have, separated by commas: " + join(style.equipment_items, ", ") + ".",
                        width, "   ", "   ");
  }
  return out;
}

}  // namespace

Answers ask_questions(const Rules& rules, std::istream& in, std::ostream& out, const AskStyle& style) {
  Answers answers;
  std::size_t number = 0;
  for (const auto& question : rules.assessment) {
    if (!applies(question, answers)) continue;
    ++number;
    out << show_question(question, number, style);
    const bool items_allowed = sets_equipment(question) && !style.equipment_items.empty();
    std::string chosen;
    while (chosen.empty()) {
      out << "> " << std::flush;
      std::string reply;
      if (!std::getline(in, reply)) {
        out << "\n";
        throw Error(ExitCode::cancelled, "assessment cancelled (end of input); no plan written");
      }
      if (const Answer* a = match_answer(question, reply)) chosen = a->id;
      else if (items_allowed) chosen = equipment_list(reply, style.equipment_items);
      if (chosen.empty()) {
        out << layout::wrap(fmt::format("Please answer with a number from 1 to {} or one of: {}{}.",
                                        question.answers.size(), join(answer_ids(question), ", "),
                                        items_allowed ? ", or the equipment you have (such as mat,band)" : ""),
                            std::max(style.width, 40), "", "");
      }
    }
    answers[question.id] = chosen;
    const Answer* answer = question.find_answer(chosen);
    if (answer && refuses(rules, answer->set.flag)) break;  // no further questions: there will be no plan
  }
  return answers;
}

Answers answers_from_json(const Rules& rules, const nlohmann::json& json, const std::string& origin) {
  if (!json.is_object()) usage_error(fmt::format("{}: expected a JSON object of answers", origin));
  Answers answers;
  std::vector<std::string> problems;
  std::vector<std::string> known;
  for (const auto& question : rules.assessment) known.push_back(question.id);
  for (const auto& [key, value] : json.items()) {
    if (key == "run") {
      if (!value.is_boolean()) problems.push_back(fmt::format("\"run\": {} is not true or false", json_kind(value)));
    } else if (std::find(known.begin(), known.end(), key) == known.end()) {
      problems.push_back(fmt::format("\"{}\" is not a question{}", key, did_you_mean(key, known)));
    }
  }
  for (const auto& question : rules.assessment) {
    if (!applies(question, answers)) continue;
    if (!json.contains(question.id)) {
      problems.push_back(fmt::format("\"{}\" is not answered ({}); answer one of: {}", question.id, question.text,
                                     join(answer_ids(question), ", ")));
      continue;
    }
    const auto& value = json.at(question.id);
    if (!value.is_string()) {
      problems.push_back(fmt::format("\"{}\": {} is not an answer; answer with a string, one of: {}", question.id,
                                     json_kind(value), join(answer_ids(question), ", ")));
      continue;
    }
    const std::string& given = value.get_ref<const std::string&>();
    const Answer* chosen = match_answer(question, given);
    if (!chosen) {
      problems.push_back(fmt::format("\"{}\": \"{}\" is not an answer{}; answer one of: {}", question.id, given,
                                     did_you_mean(given, answer_ids(question)), join(answer_ids(question), ", ")));
      continue;
    }
    answers[question.id] = chosen->id;
    if (refuses(rules, chosen->set.flag)) break;  // nothing more is needed: there will be no plan
  }
  if (!problems.empty()) {
    usage_error(fmt::format("{} has {} problem{}:\n  {}", origin, problems.size(), problems.size() == 1 ? "" : "s",
                            join(problems, "\n  ")));
  }
  return answers;
}

PlanOptions options_from_answers(const Rules& rules, const Answers& answers) {
  PlanOptions options;
  for (const auto& question : rules.assessment) {
    auto it = answers.find(question.id);
    if (it == answers.end() || !applies(question, answers)) continue;
    const Answer* a = question.find_answer(it->second);
    if (!a) {
      // Equipment items typed instead of a named answer ("mat,band").
      if (sets_equipment(question)) options.equipment = it->second;
      continue;
    }
    if (!a->set.goal.empty() &&
        std::find(options.goals.begin(), options.goals.end(), a->set.goal) == options.goals.end()) {
      options.goals.push_back(a->set.goal);
    }
    if (!a->set.flag.empty()) options.flags.push_back(a->set.flag);
    for (const auto& [id, value] : a->set.choices) options.choices[id] = value;
    if (!a->set.level.empty()) options.level = a->set.level;
    if (!a->set.equipment.empty()) options.equipment = a->set.equipment;
  }
  return options;
}

std::string plan_command(const Rules& rules, const PlanOptions& options) {
  std::string command = "lbtrain plan";
  for (const auto& goal : options.goals) command += " --goal " + goal;
  // Screening options in the rules' order, so the same answers give the same command.
  for (const auto& s : rules.screening) {
    if (std::find(options.flags.begin(), options.flags.end(), s.id) != options.flags.end()) command += " --" + s.id;
    auto choice = options.choices.find(s.id);
    if (choice != options.choices.end()) command += " --" + s.id + " " + choice->second;
  }
  command += " --level " + options.level + " --equipment " + options.equipment;
  return command;
}

}  // namespace lbtrain
