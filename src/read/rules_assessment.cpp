#include "read/rules_reader.hpp"

namespace lbtrain::read {

using nlohmann::json;

namespace {

/// The question with this id among those read so far, or nullptr.
const Question* earlier_question(const Rules& rules, const std::string& id) {
  for (const auto& q : rules.assessment) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

}  // namespace

void RulesReader::read_assessment(FieldReader& top, Rules& rules) {
  const auto& assessment = top.member("assessment", false);
  if (assessment.is_null()) return;
  FieldReader ar(assessment, "/assessment", "assessment", diagnostics_);
  ar.reject_unknown({"source", "questions"});
  rules.assessment_source = ar.string("source");
  const auto& questions = ar.member("questions");
  if (!questions.is_array()) return;
  // What an answer may set: goals, screening and presets of this file and of the base.
  auto find_goal = [&](const std::string& id) { return rules.find_goal(id) || (base_ && base_->find_goal(id)); };
  auto find_screening = [&](const std::string& id) -> const Screening* {
    const Screening* s = rules.find_screening(id);
    return s ? s : base_ ? base_->find_screening(id) : nullptr;
  };
  std::vector<std::string> equipment = vocabulary_.equipment;
  for (const auto& [preset, items] : vocabulary_.equipment_presets) equipment.push_back(preset);
  for (std::size_t i = 0; i < questions.size(); ++i) {
    std::string pointer = "/assessment/questions/" + std::to_string(i);
    FieldReader qr(questions[i], pointer, "question", diagnostics_);
    qr.reject_unknown({"id", "text", "note", "when", "answers"});
    Question q;
    q.id = qr.string("id");
    q.text = qr.string("text");
    q.note = qr.string("note", false);
    const auto& when = qr.member("when", false);
    if (when.is_object()) {
      FieldReader wr(when, pointer + "/when", "question \"" + q.id + "\"", diagnostics_);
      for (const auto& [earlier, values] : when.items()) {
        const Question* before = earlier_question(rules, earlier);
        if (!before) {
          wr.problem(earlier, "names no earlier question");
          continue;
        }
        std::vector<std::string> allowed;
        for (const auto& a : before->answers) allowed.push_back(a.id);
        q.when[earlier] = wr.words(earlier, allowed, "answer");
      }
    }
    const auto& answers = qr.member("answers");
    if (answers.is_array()) {
      for (std::size_t j = 0; j < answers.size(); ++j) {
        std::string ap = pointer + "/answers/" + std::to_string(j);
        FieldReader r(answers[j], ap, "question \"" + q.id + "\" answer", diagnostics_);
        r.reject_unknown({"id", "label", "set"});
        Answer a;
        a.id = r.string("id");
        a.label = r.string("label");
        const auto& set = r.member("set", false);
        if (!set.is_null()) {
          FieldReader sr(set, ap + "/set", "answer \"" + a.id + "\"", diagnostics_);
          sr.reject_unknown({"goal", "flag", "choice", "level", "equipment"});
          a.set.goal = sr.string("goal", false);
          if (!a.set.goal.empty() && !find_goal(a.set.goal)) sr.problem("goal", "unknown goal \"" + a.set.goal + "\"");
          a.set.flag = sr.string("flag", false);
          const Screening* flag = find_screening(a.set.flag);
          if (!a.set.flag.empty() && (!flag || flag->is_choice())) {
            sr.problem("flag", "unknown screening flag \"" + a.set.flag + "\"");
          }
          const auto& choice = sr.member("choice", false);
          if (choice.is_object()) {
            for (const auto& [id, value] : choice.items()) {
              const Screening* s = find_screening(id);
              if (!s || !value.is_string() || !s->find_choice(value.get<std::string>())) {
                sr.problem("choice", "unknown screening choice \"" + id + "\"");
                continue;
              }
              a.set.choices[id] = value.get<std::string>();
            }
          }
          a.set.level = sr.word("level", vocabulary_.levels, "level", false);
          a.set.equipment = sr.word("equipment", equipment, "equipment", false);
        }
        q.answers.push_back(std::move(a));
      }
    }
    if (q.answers.size() < 2) qr.problem("answers", "needs at least two answers");
    rules.assessment.push_back(std::move(q));
  }
}

}  // namespace lbtrain::read
