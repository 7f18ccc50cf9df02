#include "program/session_match.hpp"

#include <map>
#include <set>

namespace lbtrain::program {

std::vector<SessionRef> session_order(const Plan& plan) {
  std::vector<SessionRef> order;
  for (std::size_t w = 0; w < plan.weeks_list.size(); ++w) {
    for (std::size_t s = 0; s < plan.weeks_list[w].sessions.size(); ++s) order.push_back({w, s});
  }
  return order;
}

namespace {

/// The exercises a session's sets may name, each with the item it counts for: the item's own,
/// and the alternatives it offers ("Or: ...") when no item of the session is that exercise.
std::map<std::string, std::string> exercises_of(const Session& session) {
  std::map<std::string, std::string> ids;
  for (const auto& block : session.blocks) {
    for (const auto& item : block.items) ids[item.exercise.id] = item.exercise.id;
  }
  for (const auto& block : session.blocks) {
    for (const auto& item : block.items) {
      for (const auto& alternative : item.alternatives) ids.emplace(alternative.exercise.id, item.exercise.id);
    }
  }
  return ids;
}

/// The session's exercise that `id` counts for: its own, an alternative it offers, or else the
/// first of the session's exercises (main work first) of the same slot; "" when none.
std::string counts_for(const Session& session, const std::map<std::string, std::string>& ids,
                       const std::map<std::string, std::string>& slots, const std::string& id) {
  if (auto found = ids.find(id); found != ids.end()) return found->second;
  auto slot = slots.find(id);
  if (slot == slots.end()) return "";
  for (bool main : {true, false}) {
    for (const auto& block : session.blocks) {
      if ((block.kind == BlockKind::main) != main) continue;
      for (const auto& item : block.items) {
        auto other = slots.find(item.exercise.id);
        if (other != slots.end() && other->second == slot->second) return item.exercise.id;
      }
    }
  }
  return "";
}

/// The index in `order` of plan week `week`, day `day`; order.size() when there is none.
std::size_t find_session(const Plan& plan, const std::vector<SessionRef>& order, int week, int day) {
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Week& w = plan.weeks_list[order[i].week];
    if (w.number == week && w.sessions[order[i].session].day == day) return i;
  }
  return order.size();
}

}  // namespace

std::map<std::size_t, DoneSession> match_sessions(const Plan& plan, const std::vector<SessionRef>& order,
                                                  const std::vector<LoggedSet>& sets,
                                                  const std::map<std::string, std::string>& slots) {
  std::map<std::size_t, DoneSession> done;
  std::size_t cursor = 0;
  auto next_open = [&] {
    while (cursor < order.size() && done.count(cursor)) ++cursor;
  };
  for (std::size_t i = 0; i < sets.size();) {
    // One date at a time.
    std::size_t end = i;
    while (end < sets.size() && sets[end].date == sets[i].date) ++end;
    // Sets logged against a week and day first, then the rest against the session due.
    std::map<std::size_t, std::vector<const LoggedSet*>> named;
    std::vector<const LoggedSet*> rest;
    for (std::size_t k = i; k < end; ++k) {
      const LoggedSet& s = sets[k];
      if (s.source.kind == SetSource::Kind::program) {
        std::size_t index = find_session(plan, order, s.source.week, s.source.day);
        if (index < order.size()) named[index].push_back(&s);
      } else {
        rest.push_back(&s);
      }
    }
    for (const auto& [index, list] : named) {
      DoneSession& d = done[index];
      d.date = sets[i].date;
      const Session& session = plan.weeks_list[order[index].week].sessions[order[index].session];
      const auto ids = exercises_of(session);
      for (const LoggedSet* s : list) {
        std::string item = counts_for(session, ids, slots, s->exercise_id);
        d.sets[item.empty() ? s->exercise_id : item].push_back(*s);
      }
    }
    next_open();
    if (cursor < order.size() && !rest.empty()) {
      const Session& session = plan.weeks_list[order[cursor].week].sessions[order[cursor].session];
      const auto ids = exercises_of(session);
      DoneSession d;
      d.date = sets[i].date;
      // The day's sets make the session due done when one of them counts for one of its items;
      // the others are kept too, under their own exercise: what the pain rule put in place of a
      // waiting exercise (rematch finds it there), and the back pain logged with them.
      bool counted = false;
      for (const LoggedSet* s : rest) {
        std::string item = counts_for(session, ids, slots, s->exercise_id);
        counted = counted || !item.empty();
        d.sets[item.empty() ? s->exercise_id : item].push_back(*s);
      }
      if (counted) done[cursor] = std::move(d);
    }
    i = end;
  }
  return done;
}

DoneSession rematch(const DoneSession& done, const Session& session, const std::map<std::string, std::string>& slots) {
  DoneSession out;
  out.date = done.date;
  const auto ids = exercises_of(session);
  for (const auto& entry : done.sets) {
    for (const LoggedSet& s : entry.second) {
      std::string item = counts_for(session, ids, slots, s.exercise_id);
      out.sets[item.empty() ? entry.first : item].push_back(s);
    }
  }
  return out;
}

}  // namespace lbtrain::program
