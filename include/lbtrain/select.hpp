#pragma once
/// The select stage (src/select/): the exercises a screened request's goals pick, slot by slot,
/// and browsing the knowledge base (`lbtrain exercises`, `lbtrain exercises show`).

#include "lbtrain/data.hpp"
#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/plan.hpp"
#include "lbtrain/screen.hpp"

#include <set>
#include <string>
#include <utility>
#include <vector>

/// Choosing exercises for the slots of everyone who takes part in a plan: deterministic,
/// filtered by equipment and level, with every exclusion applied to the whole plan. A plan has
/// phases when exercises held back by screening come in one at a time, or when a beginner moves
/// up a level after a block.

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

/// Browsing the knowledge base: which exercises pass a filter (`lbtrain exercises`), and
/// everything about one exercise (`lbtrain exercises show`): who uses it, what rules it out,
/// what could take its place. The listings are printed by the formatters (format.hpp).

namespace lbtrain {

/// Filters of `lbtrain exercises`; an empty filter matches everything.
struct ExerciseFilter {
  std::string muscle;     ///< works this muscle (primary or secondary)
  std::string equipment;  ///< can be done with this equipment list or preset
  std::string category;
  std::string goal;       ///< selected by one of the goal's slots and not excluded by it
};

/// The exercises that pass the filter, by id; throws a usage Error for an unknown value.
std::vector<const Exercise*> filter_exercises(const DataSet& data, const ExerciseFilter& filter);

/// Where a goal's slot selects an exercise.
struct ExerciseUse {
  const Goal* goal = nullptr;
  BlockKind block = BlockKind::main;
  const Slot* slot = nullptr;
  int preference = 0;  ///< 1-based position in the slot's preferences, 0 when not listed
};

/// Everything about one exercise.
struct ExerciseDetails {
  const Exercise* exercise = nullptr;
  std::string source_text;  ///< the catalogue's text for the exercise's source key
  std::vector<ExerciseUse> uses;
  std::vector<std::pair<std::string, std::string>> excluded_by;  ///< who, why: goals and screening answers
  std::vector<const Exercise*> alternatives;  ///< up to 8, sharing most slots
};

/// Describes the exercise `id`; throws a usage Error with a suggestion for an unknown id.
ExerciseDetails describe_exercise(const DataSet& data, const std::string& id);

}  // namespace lbtrain
