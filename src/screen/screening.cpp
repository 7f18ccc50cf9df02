#include "lbtrain/screen.hpp"

#include "lbtrain/model/error.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

namespace lbtrain {

namespace {

[[noreturn]] void unknown_value(std::string_view option, std::string_view what, const std::string& value,
                                const std::vector<std::string>& allowed) {
  usage_error(unknown_value_message(option, what, value, allowed, allowed));
}

/// The answers given, checked against the rules, in the rules' order whatever order they came in.
std::vector<ScreeningAnswer> resolve_answers(const Request& request, const Rules& rules) {
  std::vector<std::string> flag_ids;
  for (const auto& s : rules.screening) {
    if (!s.is_choice()) flag_ids.push_back(s.id);
  }
  std::vector<ScreeningAnswer> answers;
  for (const auto& flag : request.flags) {
    const Screening* s = rules.find_screening(flag);
    if (!s || s->is_choice()) unknown_value("screening", "flag", flag, flag_ids);
    answers.push_back({s, "", &s->effect, s->label, s->effect.unused});
  }
  for (const auto& [id, value] : request.choices) {
    const Screening* s = rules.find_screening(id);
    if (!s || !s->is_choice()) usage_error(fmt::format("--{}: no such screening question in {}", id, rules.origin));
    const ScreeningChoice* choice = s->find_choice(value);
    if (!choice) {
      std::vector<std::string> allowed;
      for (const auto& c : s->choices) allowed.push_back(c.id);
      unknown_value("--" + id, "value", value, allowed);
    }
    answers.push_back({s, choice->id, &choice->effect, s->label + ": " + choice->label, choice->effect.unused});
  }
  auto order = [&](const ScreeningAnswer& a) { return a.screening - rules.screening.data(); };
  std::stable_sort(answers.begin(), answers.end(), [&](const auto& a, const auto& b) { return order(a) < order(b); });
  return answers;
}

/// Goals the data marks as opposed cannot share a plan: it would train one posture's fix
/// against the other's.
void refuse_opposed_goals(const Request& request, const Rules& rules) {
  for (const Goal* goal : request.goals) {
    for (const auto& opposition : goal->opposes) {
      for (const Goal* other : request.goals) {
        if (other == goal || other->id != opposition.goal) continue;
        usage_error(fill_placeholders(rules.text("opposed_goals"),
                                      {{"goal", goal->id}, {"other", other->id}, {"reason", opposition.reason}}));
      }
    }
  }
}

/// The user's --exclude: every id must name an exercise of the catalogue in use.
std::vector<ActiveExclusion> user_exclusions(const Request& request, const DataSet& data) {
  if (request.exclude.empty()) return {};
  ActiveExclusion mine;
  mine.owner = data.rules.text("user_exclusion");
  mine.rule = "exclude";
  mine.reason = data.rules.text("user_exclusion_reason");
  mine.source = "--exclude";
  mine.by_user = true;
  for (const auto& id : request.exclude) {
    if (!data.catalogue.find(id)) {
      // The suggestion needs every id; collected only on this error path.
      std::vector<std::string> ids;
      ids.reserve(data.catalogue.exercises.size());
      for (const auto& e : data.catalogue.exercises) ids.push_back(e.id);
      usage_error(unknown_value_message("--exclude", "exercise", id, ids, {"an exercise id from the catalogue"}));
    }
    mine.select.ids.push_back(id);
  }
  return {std::move(mine)};
}

}  // namespace

bool refuses(const Rules& rules, std::string_view flag) {
  const Screening* s = rules.find_screening(flag);
  return s && !s->is_choice() && s->effect.refuse;
}

std::optional<Refusal> refusal_for(const Rules& rules, const std::vector<std::string>& flags) {
  for (const auto& s : rules.screening) {
    if (!refuses(rules, s.id) || std::find(flags.begin(), flags.end(), s.id) == flags.end()) continue;
    return Refusal{s.id, s.label, s.effect.refuse->text, s.effect.refuse->source};
  }
  return std::nullopt;
}

ScreeningResult screen(const Request& request, const DataSet& data) {
  const Rules& rules = data.rules;
  Screened screened;
  screened.answers = resolve_answers(request, rules);
  for (const auto& answer : screened.answers) {
    if (answer.effect->refuse) {
      return Refusal{answer.screening->id, answer.label, answer.effect->refuse->text, answer.effect->refuse->source};
    }
  }
  refuse_opposed_goals(request, rules);

  // Participants: answers placed first, the goals, the other answers.
  std::vector<Participant> first, last;
  for (std::size_t i = 0; i < screened.answers.size(); ++i) {
    const auto& answer = screened.answers[i];
    if (answer.effect->add.empty()) continue;
    Participant p{answer.screening->id, answer.label, {}, static_cast<int>(i), nullptr};
    for (const auto& addition : answer.effect->add) {
      p.slots[static_cast<std::size_t>(addition.block)].push_back(&addition.slot);
    }
    (answer.screening->first ? first : last).push_back(std::move(p));
  }
  screened.participants = std::move(first);
  for (const Goal* goal : request.goals) {
    Participant p{goal->id, goal->name, {}, -1, goal};
    for (auto kind : all_block_kinds) {
      for (const auto& slot : goal->slots(kind)) p.slots[static_cast<std::size_t>(kind)].push_back(&slot);
    }
    screened.participants.push_back(std::move(p));
  }
  screened.participants.insert(screened.participants.end(), last.begin(), last.end());

  // Exclusions: every goal's and answer's apply to the whole plan, then the user's own.
  for (const Goal* goal : request.goals) {
    for (const auto& rule : goal->exclude) {
      screened.exclusions.push_back({goal->name, rule.id, rule.select, rule.reason, rule.source, false, -1});
    }
  }
  for (std::size_t i = 0; i < screened.answers.size(); ++i) {
    const auto& answer = screened.answers[i];
    for (const auto& rule : answer.effect->exclude) {
      screened.exclusions.push_back(
          {answer.label, rule.id, rule.select, rule.reason, rule.source, false, static_cast<int>(i)});
    }
    if (answer.effect->phase_in) screened.holds.push_back({&*answer.effect->phase_in, static_cast<int>(i)});
    for (const auto& change : answer.effect->dose) screened.doses.push_back({&change, static_cast<int>(i)});
    for (const auto& caution : answer.effect->caution) screened.cautions.push_back({&caution, static_cast<int>(i)});
  }
  for (auto& mine : user_exclusions(request, data)) screened.exclusions.push_back(std::move(mine));

  std::unordered_set<std::string> said;
  for (const auto& ex : screened.exclusions) {
    if (ex.by_user) continue;
    Note note{"exclusion",
              fill_placeholders(rules.text("exclusion_applies"),
                                {{"owner", ex.owner}, {"rule", ex.rule}, {"reason", ex.reason}}),
              ex.source};
    if (said.insert(note.text).second) screened.notes.push_back(std::move(note));
  }
  return screened;
}

}  // namespace lbtrain
