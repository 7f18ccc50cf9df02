// The pain rule on the sessions of a program not yet done: loaded lower-back work held, a new
// exercise waiting for a green session (and what stays in its place), the session timed again.

#include "program/pain_session.hpp"

#include "plan/planned.hpp"
#include "model/text_match.hpp"

#include <algorithm>
#include <climits>
#include <set>

namespace lbtrain::program {

namespace {

/// A session's minutes and its blocks' again, from what is left in them, as the planner counts them.
void retime(Session& session, const Timing& timing) {
  std::int64_t total = 0;
  for (auto& block : session.blocks) {
    std::int64_t seconds = 0;
    for (const auto& item : block.items) seconds += plan::item_seconds(item, timing);
    seconds = std::min<std::int64_t>(seconds, INT_MAX / 4);
    block.estimated_minutes = static_cast<int>((seconds + 59) / 60);
    total += seconds;
  }
  session.estimated_minutes = static_cast<int>((std::min<std::int64_t>(total, INT_MAX / 2) + 59) / 60);
}

/// What a session (its exercises: `here`) drops of the same day a week before, in a block of
/// `kind`: the exercises that day had in that block and the session has nowhere (what a new
/// exercise took the place of).
std::vector<Prescription> dropped_since(const std::set<std::string>& here, const Session& week_before, BlockKind kind) {
  std::vector<Prescription> dropped;
  for (const auto& block : week_before.blocks) {
    if (block.kind != kind) continue;
    for (const auto& item : block.items) {
      if (!here.count(item.exercise.id)) dropped.push_back(item);
    }
  }
  return dropped;
}

/// The latest of `earlier` (the same day in the weeks before, latest first) without `id`.
const Session* before_it_entered(const std::vector<const Session*>& earlier, const std::string& id) {
  for (const Session* s : earlier) {
    bool has = false;
    for (const auto& block : s->blocks) {
      for (const auto& item : block.items) has = has || item.exercise.id == id;
    }
    if (!has) return s;
  }
  return nullptr;
}

}  // namespace

void hold_for_pain(Session& session, const std::vector<const Session*>& earlier, const Adaptation& adaptation, const AdaptInput& in,
                   const std::string& hold, bool closed, const std::string& last,
                   const std::function<bool(const SessionBlock&, const Prescription&)>& entering) {
  std::vector<std::string> waits;
  std::vector<std::pair<std::string, std::string>> kept;  // (waits, kept in its place)
  bool held = false;
  bool changed = false;
  std::set<std::string> here;
  for (const auto& block : session.blocks) {
    for (const auto& item : block.items) here.insert(item.exercise.id);
  }
  for (auto& block : session.blocks) {
    auto& items = block.items;
    const std::size_t before = items.size();
    // A new exercise that waits leaves its place to what the same day had before it entered (the
    // previous variation), rather than a session without it.
    const Session* kept_from = nullptr;
    std::vector<Prescription> instead;
    std::vector<Prescription> out;
    for (auto& item : items) {
      if (!hold.empty() && in.hold_ids.count(item.exercise.id)) {
        held = true;
      } else if (closed && entering(block, item)) {
        waits.push_back(item.exercise.name);
        if (const Session* from = before_it_entered(earlier, item.exercise.id); from && from != kept_from) {
          kept_from = from;
          instead = dropped_since(here, *from, block.kind);
        }
        auto alt = std::find_if(instead.begin(), instead.end(), [&](const Prescription& p) {
          return hold.empty() || !in.hold_ids.count(p.exercise.id);
        });
        if (alt != instead.end()) {
          kept.emplace_back(item.exercise.name, alt->exercise.name);
          // Its dose as that day had it; what the log says of it is this session's to work out.
          Prescription keep = std::move(*alt);
          keep.adaptation.clear();
          keep.target_load.reset();
          keep.last.reset();
          keep.logged.reset();
          out.push_back(std::move(keep));
          instead.erase(alt);
        }
      } else {
        out.push_back(std::move(item));
      }
    }
    items = std::move(out);
    changed = changed || items.size() != before;
  }
  session.blocks.erase(std::remove_if(session.blocks.begin(), session.blocks.end(),
                                      [](const SessionBlock& b) { return b.items.empty(); }),
                       session.blocks.end());
  if (changed) retime(session, in.timing);
  if (held || !hold.empty()) {
    session.notes.push_back({"program", fill_placeholders(adaptation.text("pain_hold"), {{"why", hold}}),
                             adaptation.pain->source});
  }
  for (const auto& name : waits) {
    session.notes.push_back({"program", fill_placeholders(adaptation.text("pain_waits"), {{"name", name}, {"date", last}}),
                             adaptation.pain->source});
  }
  for (const auto& [name, instead] : kept) {
    session.notes.push_back({"program", fill_placeholders(adaptation.text("pain_keeps"), {{"name", name}, {"kept", instead}}),
                             adaptation.pain->source});
  }
}


/// The worst back pain logged during a session, with any of its exercises.
std::optional<int> worst_pain(const DoneSession& session) {
  std::optional<int> worst;
  for (const auto& entry : session.sets) {
    for (const auto& set : entry.second) {
      if (set.pain) worst = std::max(worst.value_or(0), *set.pain);
    }
  }
  return worst;
}

}  // namespace lbtrain::program
