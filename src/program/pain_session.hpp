#pragma once
// The pain rule on the sessions of a program not yet done (pain_session.cpp).

#include "program/program_view.hpp"
#include "program/session_match.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lbtrain::program {

/// The pain rule on a session not yet done: loaded lower-back work held (`hold`, the reason, when
/// not ""), and, when `closed` (the last session done was not green), an exercise that would
/// enter the program for the first time waits, leaving its place to what the same day had before
/// it entered (`earlier`: the same day in the weeks before, latest first). Says so in the
/// session's notes and times the session again.
void hold_for_pain(Session& session, const std::vector<const Session*>& earlier, const Adaptation& adaptation,
                   const AdaptInput& in, const std::string& hold, bool closed, const std::string& last,
                   const std::function<bool(const SessionBlock&, const Prescription&)>& entering);

/// The worst back pain logged during a session, with any of its exercises.
std::optional<int> worst_pain(const DoneSession& session);

}  // namespace lbtrain::program
