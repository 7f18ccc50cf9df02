#pragma once
/// Choosing exercises for the slots of the requested goals: deterministic, filtered by
/// equipment and level, with every goal's exclusions applied to the whole plan.

#include "lbtrain/request.hpp"

#include <string>
#include <vector>

namespace lbtrain {

/// A sentence for the plan's notes, with what it is about and where the rule comes from.
struct Note {
  std::string topic;  ///< exclusion, fallback, unfilled, merged, progression, schedule, level, goals
  std::string text;
  std::string source;
  bool operator==(const Note&) const = default;
};

/// The exercise chosen for one slot.
struct Pick {
  const Goal* goal = nullptr;
  const Slot* slot = nullptr;
  BlockKind block = BlockKind::main;
  const Exercise* exercise = nullptr;
  std::vector<const Exercise*> alternatives;  ///< up to three others that fit the slot
};

/// The picks in force from one week of the plan on, in session order (block, then goal,
/// then slot). A plan has more than one phase when screening holds exercises back.
struct SelectionPhase {
  int from_week = 1;
  std::vector<Pick> picks;
};

/// All phases of the plan and what choosing noted.
struct Selection {
  std::vector<SelectionPhase> phases;
  std::vector<Note> notes;
};

/// Picks an exercise for every slot of the requested goals.
Selection select_exercises(const DataSet& data, const Request& request);

}  // namespace lbtrain
