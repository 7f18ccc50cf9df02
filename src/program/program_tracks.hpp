#pragma once
// Each exercise's track through a program (program_tracks.cpp): built from the plan and the log
// before the program, and the log's sets as adapting looks them up.

#include "program/program_view.hpp"
#include "program/session_match.hpp"

#include <map>
#include <string>
#include <vector>

namespace lbtrain::program {

using Tracks = std::map<std::string, ExerciseTrack>;

/// The key of an exercise's track: its block's kind and its id.
std::string track_key(const SessionBlock& block, const Prescription& item);

/// Each exercise's working sets, oldest first.
std::map<std::string, std::vector<const LoggedSet*>> by_exercise(const std::vector<LoggedSet>& sets);

/// The sets of the last date before `date` on which the exercise was logged.
std::vector<LoggedSet> last_before(const std::vector<const LoggedSet*>* sets, const std::string& date);

/// Logged sets as a program's item shows them.
DoneItem done_item(const std::vector<LoggedSet>& sets);

/// A track for each exercise of each block, holding the plan's prescriptions for it in order and
/// seeded with the last session logged before the program (history_start.cpp).
Tracks make_tracks(Plan& plan, const std::vector<SessionRef>& order, const Adaptation& adaptation,
                   const AdaptInput& in, const std::map<std::string, std::vector<const LoggedSet*>>& history);

/// Before a program's first session (on `first`): an exercise last logged (before the program's
/// `start`) `layoff_days` or more earlier comes back over the layoff ramp, as after a layoff
/// inside the program; imported history from months ago is not today's load.
void ramp_from_history(Tracks& tracks, const std::map<std::string, std::vector<const LoggedSet*>>& history, Date first,
                       int layoff_days, const std::string& start);

}  // namespace lbtrain::program
