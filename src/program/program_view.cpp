#include "program/program_view.hpp"

#include "program/pain_light.hpp"
#include "program/pain_session.hpp"
#include "program/program_tracks.hpp"
#include "program/session_match.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <set>

namespace lbtrain::program {

namespace {

/// The weekdays the plan trains on (every day when it has none).
std::set<int> training_days(const Plan& plan) {
  std::set<int> days;
  for (const auto& week : plan.weeks_list) {
    for (const auto& session : week.sessions) {
      if (session.weekday) days.insert(*session.weekday);
    }
  }
  if (days.empty()) days = {0, 1, 2, 3, 4, 5, 6};
  return days;
}

Date next_training_day(Date from, const std::set<int>& days) {
  while (!days.count(weekday_index(from))) from += std::chrono::days{1};
  return from;
}

/// The exercises of a session, with whether each builds week to week.
std::map<std::string, bool> exercises_building(const Session& session) {
  std::map<std::string, bool> ids;
  for (const auto& block : session.blocks) {
    for (const auto& item : block.items) ids[item.exercise.id] = ids[item.exercise.id] || item.block_top > 0;
  }
  return ids;
}

/// The rest-day rule two sessions on consecutive days would break, or nullptr.
const SpacedGroup* spacing_rule(const Session& a, const Session& b, const std::vector<SpacedGroup>& groups) {
  const auto first = exercises_building(a);
  const auto second = exercises_building(b);
  for (const auto& group : groups) {
    for (const auto& [id, building] : first) {
      if (group.building_only && !building) continue;
      auto other = second.find(id);
      if (group.each && other != second.end() && (!group.building_only || other->second)) return &group;
      if (group.each || !group.ids.count(id)) continue;
      for (const auto& [id2, building2] : second) {
        if (group.ids.count(id2) && (!group.building_only || building2)) return &group;
      }
    }
  }
  return nullptr;
}

/// The note on the next session when the last one done was long ago.
void say_gap(Session& next, const Session& final_session, std::optional<Date> last_done, const Adaptation& adaptation,
             int days_behind) {
  if (!last_done) return;
  int gap = static_cast<int>((*next.date - *last_done).count());
  if (gap < adaptation.missed_days) return;
  next.notes.push_back({"program", fill_placeholders(adaptation.text("missed_days"),
                                                     {{"days", std::to_string(gap)},
                                                      {"since", iso_date(*last_done)},
                                                      {"behind", std::to_string(days_behind)},
                                                      {"end", iso_date(*final_session.date)}}),
                        adaptation.source});
}

}  // namespace

namespace {

/// One pass over a program's sessions, in order: each dated (done on its logged date, the rest
/// from the date on), the pain rule applied, and each exercise's track told what was logged (a
/// session done) or that it goes as written (one ahead).
class Adapter {
 public:
  Adapter(Plan& plan, const Adaptation& adaptation, const AdaptInput& in)
      : plan_(plan), adaptation_(adaptation), in_(in), order_(session_order(plan)),
        history_(by_exercise(in.sets)), days_(training_days(plan)), previous_(in.date - std::chrono::days{1}) {
    std::vector<LoggedSet> program_sets;
    for (const auto& s : in.sets) {
      if (s.date >= in.start) program_sets.push_back(s);
    }
    done_ = match_sessions(plan, order_, program_sets, in.slots);
    tracks_ = make_tracks(plan, order_, adaptation, in, history_);
    // The pain rule: what the first session holds is never "new"; the gate opens on a green session.
    pain_ = adaptation.pain ? &*adaptation.pain : nullptr;
    if (!order_.empty()) {
      for (const auto& block : session_at(0).blocks) {
        for (const auto& item : block.items) first_keys_.insert(track_key(block, item));
      }
    }
    if (pain_) {
      hold_ = hold_reason(*pain_, in.sets, in.marks, in.start);
      held_.emplace(*pain_, in.sets, in.marks, in.start);
    }
  }

  ProgramView run() {
    ProgramView view;
    view.date = in_.date;
    view.started = in_.started;
    for (std::size_t k = 0; k < order_.size(); ++k) {
      Session& session = session_at(k);
      auto found = done_.find(k);
      const Date planned = session.date.value_or(in_.date);
      if (found != done_.end()) {
        date_done(session, found->second, planned);
      } else {
        date_ahead(k, session, planned, view.adherence);
      }
      session.weekday = weekday_index(*session.date);
      if (planned < in_.date) ++view.adherence.sessions_due;
      const int gap = layoff_since_ ? static_cast<int>((*session.date - *layoff_since_).count()) : 0;
      if (adaptation_.layoff_days > 0 && gap >= adaptation_.layoff_days) {
        // A layoff before this session: every exercise comes back over the ramp's sessions.
        for (auto& entry : tracks_) entry.second.start_ramp(gap);
      }
      if (k == 0) ramp_from_history(tracks_, history_, *session.date, adaptation_.layoff_days, in_.start);
      layoff_since_ = session.date;
      before_ = &session;
      std::optional<DoneSession> here;
      if (found != done_.end()) here = found->second;
      if (pain_) apply_pain_rule(k, session, here);
      adapt_items(session, here ? &*here : nullptr);
    }
    view.adherence.sessions_planned = static_cast<int>(order_.size());
    view.adherence.sessions_logged = static_cast<int>(done_.size());
    view.complete = !next_;
    if (next_) {
      say_gap(session_at(*next_), session_at(order_.size() - 1), last_done_, adaptation_, view.adherence.days_behind);
    } else {
      plan_.notes.push_back({"program", fill_placeholders(adaptation_.text("complete"),
                                                          {{"sessions", std::to_string(order_.size())}}),
                             adaptation_.source});
    }
    plan_.calendar_key = fmt::format("program-{}-{}", in_.id, in_.start);
    plan_.calendar_sequence = view.adherence.sessions_logged;
    return view;
  }

 private:
  Session& session_at(std::size_t k) { return plan_.weeks_list[order_[k].week].sessions[order_[k].session]; }

  /// Whether an item would enter now: new to the program, not yet in, and loaded (or a comeback).
  bool entering(const SessionBlock& block, const Prescription& item) {
    const std::string key = track_key(block, item);
    const bool comeback =
        std::find(pain_->comebacks.begin(), pain_->comebacks.end(), item.progression) != pain_->comebacks.end();
    return !first_keys_.count(key) && !tracks_.at(key).entered() && (item.loaded || comeback);
  }

  /// A session done: on the date it was logged.
  void date_done(Session& session, const DoneSession& done, Date planned) {
    session.status = "done";
    session.date = *parse_iso_date(done.date);
    last_done_ = session.date;
    lag_ = *session.date - planned;
  }

  /// A session not done: the next one from the date on (after a rest day where the rules want
  /// one), the ones after it on their days.
  void date_ahead(std::size_t k, Session& session, Date planned, Adherence& adherence) {
    session.status = next_ ? "ahead" : "next";
    Date from = next_ ? previous_ + std::chrono::days{1}
                      : std::max(in_.date, last_done_ ? *last_done_ + std::chrono::days{1} : in_.date);
    session.date = std::max(planned, next_training_day(from, days_));
    if (before_ && *session.date - *before_->date < std::chrono::days{2} && spacing_rule(*before_, session, in_.spaced)) {
      // The session before was done late (or this one moved up): a rest day first.
      session.date = *before_->date + std::chrono::days{2};
      if (!next_) {
        session.notes.push_back({"program", fill_placeholders(adaptation_.text("spacing"),
                                                              {{"last", iso_date(*before_->date)},
                                                               {"date", iso_date(*session.date)}}),
                                 adaptation_.source});
      }
    }
    if (!next_) {
      next_ = k;
      adherence.days_behind = static_cast<int>((*session.date - planned).count());
      if (planned + lag_ < in_.date) {  // due even on the calendar the last session moved to
        const Week& week = plan_.weeks_list[order_[k].week];
        session.notes.push_back({"program", fill_placeholders(adaptation_.text("repeat_session"),
                                                              {{"week", std::to_string(week.number)},
                                                               {"day", std::to_string(session.day)},
                                                               {"due", iso_date(planned)}}),
                                 adaptation_.source});
      }
    }
    previous_ = *session.date;
  }

  /// The pain rule on a session: loaded back work held and new exercises waiting (the next
  /// session); a session done while a new exercise waited had what stayed in its place, and its
  /// sets count for that (unless the new one was done anyway).
  void apply_pain_rule(std::size_t k, Session& session, std::optional<DoneSession>& here) {
    std::vector<const Session*> earlier;  // the same day of the weeks before, latest first
    for (std::size_t w = order_[k].week; w-- > 0;) {
      if (plan_.weeks_list[w].sessions.size() > order_[k].session) earlier.push_back(&plan_.weeks_list[w].sessions[order_[k].session]);
    }
    auto enters = [this](const SessionBlock& block, const Prescription& item) { return entering(block, item); };
    if (!here) {
      hold_for_pain(session, earlier, adaptation_, in_, hold_, gate_closed_ && session.status == "next", last_graded_,
                    enters);
      gate_closed_ = false;  // the sessions ahead are assumed done as written, and green
      return;
    }
    if (!gate_closed_) return;
    const auto& sets = here->sets;
    auto done_itself = [&](const std::string& id) {
      auto it = sets.find(id);
      return it != sets.end() &&
             std::any_of(it->second.begin(), it->second.end(), [&](const LoggedSet& s) { return s.exercise_id == id; });
    };
    hold_for_pain(session, earlier, adaptation_, in_, "", true, last_graded_,
                  [&](const SessionBlock& block, const Prescription& item) {
                    return !done_itself(item.exercise.id) && entering(block, item);
                  });
    here = rematch(*here, session, in_.slots);
  }

  /// Each item of a session as the log has it: what was done and what comes of it (a session
  /// done), or its dose from the tracks (one ahead).
  void adapt_items(Session& session, const DoneSession* here) {
    Light session_light = Light::none;
    const std::optional<int> session_pain = here ? worst_pain(*here) : std::nullopt;
    // A session done while loaded back work was held: what it left out is not "not logged".
    const bool held_then = held_ && here && held_->held_on(here->date);
    const std::string date = iso_date(*session.date);
    for (auto& block : session.blocks) {
      for (auto& item : block.items) {
        ExerciseTrack& track = tracks_.at(track_key(block, item));
        auto h = history_.find(item.exercise.id);
        Prescription shown = track.show(item, !here);
        // The check before an exercise enters ("only if you passed the dowel test") is said
        // until it is logged, not again once it is in.
        if (track.entered()) shown.gate.clear();
        auto last = last_before(h == history_.end() ? nullptr : &h->second, date);
        if (!last.empty()) shown.last = done_item(last);
        if (here) {
          auto sets = here->sets.find(item.exercise.id);
          const std::vector<LoggedSet>* logged = sets == here->sets.end() ? nullptr : &sets->second;
          if (logged) shown.logged = done_item(*logged);
          // A new exercise that waited for a green session, or work held, was left out, not "not logged".
          const bool waited = pain_ && gate_closed_ && entering(block, item);
          track.keep();
          track.record(item, shown, logged, date, block.kind == BlockKind::main && !held_then && !waited);
          if (pain_ && logged) {
            session_light = worse(session_light, apply_pain(adaptation_, track, shown, *logged, session_pain, date, in_.marks));
          }
        } else {
          track.assume_success(item);
        }
        item = std::move(shown);
      }
    }
    if (here) {
      gate_closed_ = session_light != Light::none && session_light != Light::green;
      last_graded_ = date;
    }
  }

  Plan& plan_;
  const Adaptation& adaptation_;
  const AdaptInput& in_;
  const std::vector<SessionRef> order_;
  std::map<std::size_t, DoneSession> done_;
  const std::map<std::string, std::vector<const LoggedSet*>> history_;
  Tracks tracks_;
  const std::set<int> days_;
  const PainRule* pain_ = nullptr;
  std::set<std::string> first_keys_;
  std::string hold_;
  std::optional<HoldDays> held_;
  bool gate_closed_ = false;
  std::string last_graded_;
  std::optional<std::size_t> next_;
  std::optional<Date> last_done_;
  Date previous_;
  std::optional<Date> layoff_since_;  ///< the session before this one, done or ahead
  const Session* before_ = nullptr;   ///< that session
  std::chrono::days lag_{0};          ///< how late the last session done was, against its plan
};

}  // namespace

ProgramView adapt_program(Plan plan, const Adaptation& adaptation, const AdaptInput& in) {
  ProgramView view = Adapter(plan, adaptation, in).run();
  view.plan = std::move(plan);
  return view;
}

namespace {

/// Whether two warm-up or cool-down blocks prescribe the very same: the exercises, doses, loads
/// and what is said of them.
bool same_block(const SessionBlock& a, const SessionBlock& b) {
  auto same = [](const Prescription& x, const Prescription& y) {
    return x.exercise.id == y.exercise.id && x.sets == y.sets && x.kind == y.kind && x.value == y.value &&
           x.per_side == y.per_side && x.rir == y.rir && x.tempo == y.tempo && x.rest_seconds == y.rest_seconds &&
           x.load == y.load && x.caution == y.caution && x.gate.empty() && y.gate.empty() &&
           x.adaptation.empty() && y.adaptation.empty();
  };
  return a.kind == b.kind && a.kind != BlockKind::main && a.title == b.title &&
         std::equal(a.items.begin(), a.items.end(), b.items.begin(), b.items.end(), same);
}

/// The next session's warm-up and cool-down that a session done before had as they are: each
/// gets the date of the last such session.
void mark_same_blocks(Session& next, const Plan& plan) {
  for (const auto& week : plan.weeks_list) {
    for (const auto& session : week.sessions) {
      if (session.status != "done" || !session.date) continue;
      for (auto& block : next.blocks) {
        for (const auto& earlier : session.blocks) {
          if (same_block(block, earlier)) block.same_as = session.date;
        }
      }
    }
  }
}

}  // namespace

std::optional<Plan> next_session_plan(const ProgramView& view) {
  for (const auto& week : view.plan.weeks_list) {
    for (const auto& session : week.sessions) {
      if (session.status != "next") continue;
      Plan plan = view.plan;
      Week only = week;
      only.sessions = {session};
      mark_same_blocks(only.sessions.front(), view.plan);
      plan.weeks_list = {only};
      plan.only_week = week.number;
      return plan;
    }
  }
  return std::nullopt;
}

}  // namespace lbtrain::program
