#pragma once
// Choosing the exercises of one phase of a plan: every participant's slots, in order, from
// candidates ranked once per slot; what is excluded, held back, missing equipment or above the
// level is skipped, and what was skipped is noted.

#include "lbtrain/select.hpp"

#include <map>
#include <set>
#include <vector>

namespace lbtrain::select {

/// A slot's candidates, best first: its preference list in order, then by how many of the
/// wanted muscles they train, easier level first, then id. Independent of the phase.
using Ranking = std::map<const Slot*, std::vector<const Exercise*>>;

/// What is held back in a phase: an answer's phase-in, minus what it has let in so far.
struct Held {
  const PhaseIn* phase_in = nullptr;
  int answer = -1;
  std::set<const Exercise*> released;

  bool holds(const Exercise& e) const;
};

/// One phase's choice.
struct Choice {
  std::vector<Pick> picks;                               ///< in session order
  std::array<std::vector<const Exercise*>, 3> reserve;   ///< see SelectionPhase::reserve
  std::vector<Note> notes;
  std::set<int> heard;                                   ///< answers that changed something
  std::set<const Exercise*> held_back;                   ///< held exercises that a slot wanted
};

/// Chooses for every slot of every participant at `level`, holding back what `held` holds;
/// `holding` names the answers still holding something back (their "while held" slots take part).
Choice choose_phase(const DataSet& data, const Request& request, const Screened& screened, Ranking& ranking,
                    const std::string& level, const std::vector<Held>& held, const std::set<int>& holding);

}  // namespace lbtrain::select
