// libFuzzer target: the whole planner. The input's first bytes choose a request (goals,
// screening flags and choices, level, equipment, days, weeks, a start date); the rest is a rules
// layer over the built-in rules. Whatever loads must plan, and every format must render it:
// an lbtrain::Error (a bad layer, a goal combination refused) is fine, anything else is a bug.
#include "lbtrain/read.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/plan.hpp"
#include "lbtrain/screen.hpp"
#include "lbtrain/model/rules.hpp"
#include "lbtrain/select.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <variant>

namespace {

/// Reads the request's bytes in turn; zero once they run out.
struct Picker {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t used = 0;
  unsigned next() { return used < size ? data[used++] : 0u; }
  template <typename List>
  const auto& from(const List& list) {
    return list[next() % std::size(list)];
  }
};

lbtrain::PlanOptions request_from(Picker& pick, const lbtrain::Rules& rules) {
  lbtrain::PlanOptions options;
  unsigned goals = 1 + pick.next() % 3;
  for (unsigned i = 0; i < goals && !rules.goals.empty(); ++i) options.goals.push_back(pick.from(rules.goals).id);
  for (const auto& s : rules.screening) {
    unsigned byte = pick.next();
    if (byte % 4 != 0) continue;  // a quarter of the flags and choices are given
    if (s.is_choice()) options.choices[s.id] = s.choices[(byte / 4) % s.choices.size()].id;
    else options.flags.push_back(s.id);
  }
  static const char* const levels[] = {"beginner", "intermediate", "advanced"};
  static const char* const equipment[] = {"gym", "home", "none", "barbell", "dumbbell,band", "bodyweight"};
  options.level = pick.from(levels);
  options.equipment = pick.from(equipment);
  options.days = std::to_string(1 + pick.next() % 7);
  options.weeks = std::to_string(1 + pick.next() % 12);
  if (pick.next() % 2) options.start = "2026-02-27";
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t request_bytes = 24;
  std::size_t head = size < request_bytes ? size : request_bytes;
  std::string_view layer(reinterpret_cast<const char*>(data) + head, size - head);
  try {
    lbtrain::DataSet set;
    set.vocabulary = &lbtrain::builtin_vocabulary();
    set.catalogue = lbtrain::builtin_catalogue();
    set.rules = layer.empty() ? lbtrain::builtin_rules()
                              : lbtrain::parse_rules(layer, "fuzz.json", *set.vocabulary, &lbtrain::builtin_rules());
    Picker pick{data, head};
    lbtrain::PlanOptions options = request_from(pick, set.rules);
    auto output = lbtrain::resolve_output(options);
    auto request = lbtrain::resolve_request(options, output, set);
    auto result = lbtrain::screen(request, set);
    if (const auto* refusal = std::get_if<lbtrain::Refusal>(&result)) {
      (void)lbtrain::format_refusal_text(*refusal, lbtrain::TextStyle{});
      (void)lbtrain::format_refusal_json(*refusal, false);
      return 0;
    }
    const auto& screened = std::get<lbtrain::Screened>(result);
    auto selection = lbtrain::select_exercises(set, request, screened);
    auto plan = lbtrain::build_plan(set, request, screened, selection);
    (void)lbtrain::format_text(plan, lbtrain::TextStyle{});
    (void)lbtrain::format_text(plan, lbtrain::TextStyle{true, 60});
    (void)lbtrain::format_json(plan, false);
    (void)lbtrain::format_sheet(plan);
    (void)lbtrain::format_markdown(plan);
    (void)lbtrain::format_csv(plan);
    (void)lbtrain::format_html(plan);
    (void)lbtrain::format_ics(plan);
  } catch (const lbtrain::Error&) {
  }
  return 0;
}
