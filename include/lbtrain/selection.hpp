#pragma once
/// Choosing exercises for the slots of everyone who takes part in a plan: deterministic,
/// filtered by equipment and level, with every exclusion applied to the whole plan. A plan has
/// phases when exercises held back by screening come in one at a time, or when a beginner moves
/// up a level after a block.

#include "lbtrain/plan.hpp"
#include "lbtrain/screening.hpp"

#include <set>
#include <string>
#include <vector>

namespace lbtrain {

/// The exercise chosen for one slot.
struct Pick {
  const Participant* owner = nullptr;
  const Slot* slot = nullptr;
  BlockKind block = BlockKind::main;
  const Exercise* exercise = nullptr;
  std::vector<const Exercise*> alternatives;  ///< up to three others that fit the slot
  std::string gate;   ///< set in the phase the exercise enters after being held back
  std::string intro;  ///< the progression it follows from entering until its next block
};

/// The picks in force from one week of the plan on, in session order (block, then participant,
/// then slot).
struct SelectionPhase {
  int from_week = 1;
  std::string level;  ///< the level exercises were chosen for
  std::vector<Pick> picks;
  /// Per block, fitting exercises of the participants' slots that no slot uses, best first: a
  /// short warm-up or cool-down takes more drills from here.
  std::array<std::vector<const Exercise*>, 3> reserve;
  std::set<int> holding;  ///< answers whose phase-in still holds something back in this phase
  std::vector<const Exercise*> moved_up;  ///< exercises new in this phase because the level rose
};

/// All phases of the plan, what choosing noted, and which screening answers changed anything.
struct Selection {
  std::vector<SelectionPhase> phases;
  std::vector<Note> notes;
  std::set<int> heard;  ///< indexes into Screened::answers
};

/// Picks an exercise for every slot of the screened request.
Selection select_exercises(const DataSet& data, const Request& request, const Screened& screened);

}  // namespace lbtrain
