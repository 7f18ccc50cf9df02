#pragma once
/// What screening answers and the assessment's answers change in a plan (part of rules.hpp).

#include "lbtrain/model/goal_rules.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lbtrain {
/// A slot a screening answer adds to one block of every session.
struct SlotAddition {
  BlockKind block = BlockKind::main;
  Slot slot;
};

/// Exercises a screening answer holds back and brings in one at a time: the first from
/// `from_week`, each next `every_weeks` later (never in an easier week), each only once the
/// lifter passes the gate.
struct PhaseIn {
  std::vector<Selector> hold;  ///< what is held, in the order it comes back
  int from_week = 3;
  int every_weeks = 1;
  std::string gate;    ///< the self-check before each entry: "you passed the dowel test ..."
  std::string intro;   ///< the progression an entering exercise follows until its next block
  std::string reason;
  std::string source;
};

/// A different progression for the exercises a selector matches.
struct DoseChange {
  Selector select;
  std::string progression;
  std::string reason;
  std::string source;
  bool while_held = false;  ///< only while the answer's phase-in still holds something back
};

/// An instruction added to every exercise a selector matches ("stop the set if ...").
struct Caution {
  Selector select;
  std::string text;
};

/// What one screening answer does to a plan. Every part is optional.
struct ScreeningEffect {
  std::optional<SourcedText> refuse;  ///< no plan at all
  std::vector<Exclusion> exclude;
  std::vector<SlotAddition> add;
  std::optional<PhaseIn> phase_in;
  std::vector<DoseChange> dose;
  std::vector<Caution> caution;
  std::string unused;  ///< why the answer may change nothing in a plan
};

/// One named answer of a screening question with choices.
struct ScreeningChoice {
  std::string id;
  std::string label;
  ScreeningEffect effect;
};

/// A screening question: a yes/no flag (--cannot-hinge) or a choice (--weakness lockout).
struct Screening {
  std::string id;
  std::string label;
  std::string help;
  bool first = false;  ///< added slots go before the goals' own slots
  ScreeningEffect effect;                ///< for a flag
  std::vector<ScreeningChoice> choices;  ///< for a choice; empty for a flag

  bool is_choice() const { return !choices.empty(); }
  const ScreeningChoice* find_choice(std::string_view id) const;
};

/// What choosing one answer of the assessment sets in the plan command.
struct AnswerEffect {
  std::string goal;
  std::string flag;
  std::map<std::string, std::string> choices;
  std::string level;
  std::string equipment;
};

/// One answer of an assessment question.
struct Answer {
  std::string id;
  std::string label;
  AnswerEffect set;
};

/// One assessment question, asked only when the earlier answers in `when` match.
struct Question {
  std::string id;
  std::string text;
  std::string note;
  std::map<std::string, std::vector<std::string>> when;
  std::vector<Answer> answers;

  const Answer* find_answer(std::string_view id) const;
};

}  // namespace lbtrain
