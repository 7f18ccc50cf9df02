#pragma once
/// Screening: what the person must not do and what their answers change. From a request and
/// the data, either a refusal (no plan at all) or everything the later stages need: who
/// contributes slots, which rules keep exercises out, what is held back and brought in later,
/// whose dose changes, and what every prescribed exercise must be told. Nothing after this stage
/// reads a screening answer again.

#include "lbtrain/data_set.hpp"
#include "lbtrain/plan.hpp"
#include "lbtrain/request.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lbtrain {

/// One screening answer the person gave: a flag, or a choice of a question.
struct ScreeningAnswer {
  const Screening* screening = nullptr;
  std::string choice;  ///< "" for a flag
  const ScreeningEffect* effect = nullptr;
  std::string label;   ///< "Cannot hip-hinge yet", "Where the deadlift is weak: The bar drifts forward ..."
  std::string unused;  ///< why it may change nothing in a plan
};

/// Who contributes slots to a plan: a goal, or a screening answer that adds slots. In the order
/// their slots are trained: answers placed first, the goals, the other answers.
struct Participant {
  std::string id;
  std::string name;
  std::array<std::vector<const Slot*>, 3> slots;  ///< indexed by BlockKind
  int answer = -1;  ///< index into Screened::answers, or -1 for a goal
  const Goal* goal = nullptr;  ///< the goal, when it is one

  const std::vector<const Slot*>& block(BlockKind kind) const { return slots[static_cast<std::size_t>(kind)]; }
};

/// A rule that keeps exercises out of the whole plan: a goal's, an answer's, or the user's own.
struct ActiveExclusion {
  std::string owner;  ///< "Lordosis (anterior pelvic tilt)", "Your --exclude"
  std::string rule;   ///< "no-lumbar-extension"
  Selector select;
  std::string reason;
  std::string source;
  bool by_user = false;
  int answer = -1;
};

/// An answer's effect that holds exercises back, changes a dose or adds a caution.
struct ActiveHold {
  const PhaseIn* phase_in = nullptr;
  int answer = -1;
};
struct ActiveDose {
  const DoseChange* change = nullptr;
  int answer = -1;
};
struct ActiveCaution {
  const Caution* caution = nullptr;
  int answer = -1;
};

/// What screening passes on when it allows a plan.
struct Screened {
  std::vector<ScreeningAnswer> answers;  ///< in the rules' order
  std::vector<Participant> participants;
  std::vector<ActiveExclusion> exclusions;
  std::vector<ActiveHold> holds;
  std::vector<ActiveDose> doses;        ///< first match wins, in the rules' order
  std::vector<ActiveCaution> cautions;
  std::vector<Note> notes;              ///< the rules in force, said once
};

/// A refusal, or what the plan is built from.
using ScreeningResult = std::variant<Refusal, Screened>;

/// Screens a request: checks its screening answers and exclusions (a usage Error for an unknown
/// flag, choice or exercise, or for goals the data marks as opposed) and returns a refusal or
/// the screened request.
ScreeningResult screen(const Request& request, const DataSet& data);

/// Whether answering yes to `flag` rules out any plan (so `assess` can stop asking).
bool refuses(const Rules& rules, std::string_view flag);

/// The refusal the first refusing flag among `flags` gives, if any.
std::optional<Refusal> refusal_for(const Rules& rules, const std::vector<std::string>& flags);

}  // namespace lbtrain
