#pragma once
/// The screen stage (src/screen/): the options resolved into a Request (numbers, dates, equipment,
/// the people's answers), then screened against the rules: a refusal, or who takes part and what
/// is excluded, for the select stage.

#include "lbtrain/data.hpp"
#include "lbtrain/model/calendar.hpp"
#include "lbtrain/model/plan.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

/// What the user asked for: the raw option strings, and the request they resolve to.

namespace lbtrain {

/// Output formats of `lbtrain plan`.
enum class Format { text, json, sheet, markdown, csv, html, ics };

/// The --format names, in the order help lists them.
const std::vector<std::string>& format_names();

/// When text output is coloured.
enum class ColorMode { automatic, always, never };

/// The --color names: "auto", "always", "never".
const std::vector<std::string>& color_modes();

/// The options of `lbtrain plan` exactly as given; the command-line layer fills it.
struct PlanOptions {
  std::vector<std::string> goals;
  std::string weeks = "4";
  std::optional<std::string> days;
  std::string level = "intermediate";
  std::string equipment = "gym";
  std::string format = "text";
  bool compact = false;
  bool details = false;  ///< text: every exercise's cues, safety cues and alternatives every time
  std::string color = "auto";  ///< auto, always or never
  std::string output;  ///< "" or "-": standard output
  std::vector<std::string> catalogues;   ///< layered in order; none: the built-in one, which "builtin" also names
  std::string catalogue_format = "auto";  ///< auto, lbtrain or free-exercise-db
  std::vector<std::string> rules;        ///< layered over the built-in rules, in order
  std::vector<std::string> flags;                ///< screening flags given, by id ("cannot-hinge")
  std::map<std::string, std::string> choices;    ///< screening choices given ("weakness" -> "lockout")
  std::vector<std::string> exclude;              ///< exercise ids never to prescribe
  std::optional<std::string> week;               ///< print only this week
  std::optional<std::string> start;              ///< date of the first day, YYYY-MM-DD
  std::optional<std::string> on;                 ///< training weekdays, "mon,wed,fri"
  std::optional<std::string> at;                 ///< time of day for calendar events, HH:MM
  std::optional<std::string> title;              ///< --title: a heading of the coach's own, for every format
  /// Where a value came from when not from its option, for error messages: "level" ->
  /// "LBTRAIN_LEVEL" or "/home/me/.config/lbtrain/config.json: level".
  std::map<std::string, std::string> where;

  /// How errors name the value of `key`: where[key], or "--key".
  std::string where_of(const std::string& key) const;
};

/// The choices that need no data, checked first so that a typo fails before a large catalogue
/// is read.
struct OutputOptions {
  Format format = Format::text;
  ColorMode color = ColorMode::automatic;
  bool compact = false;
  bool details = false;
  bool to_stdout = true;  ///< no --output (or "-")
};

/// The output options as given, of any command that prints a plan or a program.
struct OutputRequest {
  std::string format = "text";
  std::string color = "auto";
  bool compact = false;
  bool details = false;
  std::string output;                      ///< "" or "-": standard output
  std::string format_where = "--format";   ///< how errors name the format
  std::string color_where = "--color";     ///< how errors name the colour choice
};

/// Parses the options that need no data; throws a usage Error naming where a bad value came from.
OutputOptions resolve_output(const OutputRequest& given);
/// The same for `lbtrain plan`'s options.
OutputOptions resolve_output(const PlanOptions& options);

/// A validated request: goal ids resolved, numbers in range, equipment expanded.
struct Request {
  std::vector<const Goal*> goals;
  int weeks = 4;
  int days = 1;
  bool days_from_goal = true;
  std::string level = "intermediate";
  std::string equipment_spec;          ///< as given, e.g. "gym" or "dumbbell,band"
  std::vector<std::string> equipment;  ///< expanded, in vocabulary order
  Format format = Format::text;
  int only_week = 0;                   ///< 0: every week
  std::optional<Date> start;           ///< first day of week 1
  std::vector<int> on;                 ///< weekday indexes (0 = Monday), one per session; may be empty
  std::optional<int> at_minutes;       ///< calendar events start at this time (minutes after midnight)
  std::string title;                   ///< --title, or "" for the usual heading
  /// Screening answers as given (flag ids, question -> choice) and the user's exclusions;
  /// the screening stage checks and applies them.
  std::vector<std::string> flags;
  std::map<std::string, std::string> choices;
  std::vector<std::string> exclude;
};

/// Resolves and validates options against the data; throws a usage Error naming the option,
/// the bad value, what is allowed and the nearest valid value. Screening answers are passed
/// on as given, for screen() to check.
Request resolve_request(const PlanOptions& options, const OutputOptions& output, const DataSet& data);

/// Expands an --equipment list ("home", "dumbbell,band") into vocabulary items, "none" always
/// included; throws a usage Error naming `where` for an unknown item.
std::vector<std::string> resolve_equipment(const std::string& spec, const Vocabulary& vocabulary,
                                           const std::string& where);

/// Parses a --format value; throws a usage Error naming `where`.
Format parse_format(const std::string& value, const std::string& where = "--format");

/// Parses a --color value; throws a usage Error naming `where`.
ColorMode parse_color(const std::string& value, const std::string& where = "--color");

}  // namespace lbtrain

/// Screening: what the person must not do and what their answers change. From a request and
/// the data, either a refusal (no plan at all) or everything the later stages need: who
/// contributes slots, which rules keep exercises out, what is held back and brought in later,
/// whose dose changes, and what every prescribed exercise must be told. Nothing after this stage
/// reads a screening answer again.

namespace lbtrain {

/// One screening answer the person gave: a flag, or a choice of a question.
struct ScreeningAnswer {
  const Screening* screening = nullptr;
  std::string choice;  ///< "" for a flag
  const ScreeningEffect* effect = nullptr;
  std::string label;   ///< "Cannot hip-hinge yet", "Where the deadlift is weak: The bar drifts forward ..."
  std::string unused;  ///< why it may change nothing in a plan
};

/// Who contributes slots to a plan: a goal, or a screening answer that adds slots. In the order
/// their slots are trained: answers placed first, the goals, the other answers.
struct Participant {
  std::string id;
  std::string name;
  std::array<std::vector<const Slot*>, 3> slots;  ///< indexed by BlockKind
  int answer = -1;  ///< index into Screened::answers, or -1 for a goal
  const Goal* goal = nullptr;  ///< the goal, when it is one

  const std::vector<const Slot*>& block(BlockKind kind) const { return slots[static_cast<std::size_t>(kind)]; }
};

/// A rule that keeps exercises out of the whole plan: a goal's, an answer's, or the user's own.
struct ActiveExclusion {
  std::string owner;  ///< "Lordosis (anterior pelvic tilt)", "Your --exclude"
  std::string rule;   ///< "no-lumbar-extension"
  Selector select;
  std::string reason;
  std::string source;
  bool by_user = false;
  int answer = -1;
};

/// An answer's effect that holds exercises back, changes a dose or adds a caution.
struct ActiveHold {
  const PhaseIn* phase_in = nullptr;
  int answer = -1;
};
struct ActiveDose {
  const DoseChange* change = nullptr;
  int answer = -1;
};
struct ActiveCaution {
  const Caution* caution = nullptr;
  int answer = -1;
};

/// What screening passes on when it allows a plan.
struct Screened {
  std::vector<ScreeningAnswer> answers;  ///< in the rules' order
  std::vector<Participant> participants;
  std::vector<ActiveExclusion> exclusions;
  std::vector<ActiveHold> holds;
  std::vector<ActiveDose> doses;        ///< first match wins, in the rules' order
  std::vector<ActiveCaution> cautions;
  std::vector<Note> notes;              ///< the rules in force, said once
};

/// A refusal, or what the plan is built from.
using ScreeningResult = std::variant<Refusal, Screened>;

/// Screens a request: checks its screening answers and exclusions (a usage Error for an unknown
/// flag, choice or exercise, or for goals the data marks as opposed) and returns a refusal or
/// the screened request.
ScreeningResult screen(const Request& request, const DataSet& data);

/// Whether answering yes to `flag` rules out any plan (so `assess` can stop asking).
bool refuses(const Rules& rules, std::string_view flag);

/// The refusal the first refusing flag among `flags` gives, if any.
std::optional<Refusal> refusal_for(const Rules& rules, const std::vector<std::string>& flags);

}  // namespace lbtrain
