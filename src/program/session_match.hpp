#pragma once
// Which sessions of a program the log shows done. The log is read date by date: sets logged
// against a week and day (`lbtrain log --week W --day D`) belong to that session; other sets
// belong to the session due next (the first not yet done) when they are of its exercises. So a
// lifter on schedule has each date matched to that date's session, and one who missed a session
// has the next date matched to the session missed: it is repeated, not skipped. An exercise of
// the session, one it offers as an alternative, or one of the same slot (the catalogue's
// category, movement pattern, kind of dose and load) counts for the session's exercise.

#include "lbtrain/log.hpp"
#include "lbtrain/model/plan.hpp"

#include <map>
#include <string>
#include <vector>

namespace lbtrain::program {

/// A session of the program, in order.
struct SessionRef {
  std::size_t week = 0;     ///< index into Plan::weeks_list
  std::size_t session = 0;  ///< index into Week::sessions
};

/// A session the log shows done: its date and the working sets of each exercise.
struct DoneSession {
  std::string date;
  std::map<std::string, std::vector<LoggedSet>> sets;  ///< exercise id -> sets, in order
};

/// Every session of the plan, in order.
std::vector<SessionRef> session_order(const Plan& plan);

/// The sessions done, by index into `order` (ascending: sessions are done in order, a session
/// named by week and day may jump ahead). `sets` are working sets on or after the program's
/// start, ordered by date. An exercise the session neither has nor offers counts for the
/// session's exercise of the same slot in `slots` (exercise id -> category/pattern/dose...), if any.
std::map<std::size_t, DoneSession> match_sessions(const Plan& plan, const std::vector<SessionRef>& order,
                                                  const std::vector<LoggedSet>& sets,
                                                  const std::map<std::string, std::string>& slots = {});

/// A session's sets counted again against what the session held in the end (a new exercise
/// that waited, and what stayed in its place): the same sets, each under the item it counts for.
DoneSession rematch(const DoneSession& done, const Session& session, const std::map<std::string, std::string>& slots);

}  // namespace lbtrain::program
