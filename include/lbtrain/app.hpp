#pragma once
/// The command recipes (src/app/): what each command does between the command line and the
/// stages below, without printing: plans, browsing the data, validating data files, the
/// assessment, and the user's settings.

#include "lbtrain/format.hpp"
#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/environment.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/model/plan.hpp"
#include "lbtrain/screen.hpp"

#include <functional>
#include <iosfwd>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

/// The commands as recipes: parse options -> load data -> resolve -> select -> plan -> format
/// -> write. The command-line layer fills the options and calls these.

namespace lbtrain {

/// Where and how output goes, decided by the front end.
struct Terminal {
  bool stdout_is_tty = false;
  bool stderr_is_tty = false;   ///< -o then says on standard error what it wrote
  bool no_color = false;        ///< NO_COLOR is set (and not empty)
  bool clicolor_force = false;  ///< CLICOLOR_FORCE is set to something other than 0
  int columns = 0;              ///< the terminal's width, when standard output is one
};

/// How text output looks for these options on this terminal: colour with --color always, or
/// with auto on a terminal (or CLICOLOR_FORCE) unless NO_COLOR is set; the terminal's width
/// (60 to 160 columns) on a terminal, 80 columns otherwise.
TextStyle text_style(const OutputOptions& output, const Terminal& terminal);

/// What `lbtrain plan` produced: the plan, to be written (write_plan into a sink, as it is
/// formatted), or a refusal's bytes.
struct Rendered {
  std::optional<Plan> plan;
  OutputOptions output;
  TextStyle style;
  std::string bytes;  ///< a refusal's text
  bool refused = false;
  /// Safety rules the --rules layers weakened (Rules::warnings), for standard error.
  std::vector<std::string> warnings;
  /// What the plan holds, as -o reports it: "4 weeks, 12 sessions" ("" for a refusal).
  std::string summary;
};

/// Builds the plan the options ask for, with how it is to be formatted; when screening refuses a
/// plan, the refusal's bytes in the chosen format instead.
Rendered render_plan(const PlanOptions& options, const Terminal& terminal);

}  // namespace lbtrain

/// Checking data files (`lbtrain catalog validate`): catalogues in either format and rules
/// files, told apart by their content, every problem with its file, line and column.

namespace lbtrain {

/// The result of checking data files.
struct ValidationReport {
  std::vector<std::string> lines;  ///< one per problem, "FILE:LINE:COLUMN: /pointer: message", then a summary per file
  std::size_t files_with_problems = 0;
};

/// Every problem of every file in one run. Rules are layered over the built-in rules and checked
/// as a plan would use them, and against the catalogues given with them (or the built-in one)
/// for tags and exercises nothing defines.
ValidationReport validate_files(const std::vector<std::string>& paths, CatalogueFormat format);

}  // namespace lbtrain

/// `lbtrain assess`: a questionnaire (questions and what each answer means live in the rules
/// data) that ends with the `lbtrain plan` command it recommends.

namespace lbtrain {

/// Answers so far: question id -> answer id.
using Answers = std::map<std::string, std::string>;

/// Whether a question is asked, given the answers before it.
bool applies(const Question& question, const Answers& answers);

/// The answer a reply names: its number (1-based) or its id, case-insensitive; or nullptr.
const Answer* match_answer(const Question& question, std::string_view reply);

/// How the questions are shown and what else a reply may be.
struct AskStyle {
  int width = 80;  ///< questions and answers are wrapped to this many columns
  /// The equipment items of the vocabulary: a question whose answers set the equipment also
  /// takes a comma-separated list of these ("mat,band").
  std::vector<std::string> equipment_items;
};

/// Asks every question that applies on `out`, reading replies from `in`; an invalid reply is
/// asked again with the valid choices. Each answer is shown with its number and its word.
/// Throws a cancelled Error at end of input.
Answers ask_questions(const Rules& rules, std::istream& in, std::ostream& out, const AskStyle& style = {});

/// The comma-separated equipment items of `reply`, each one of `items`, joined with commas; ""
/// when any is not.
std::string equipment_list(std::string_view reply, const std::vector<std::string>& items);

/// Reads answers from a JSON object {question id: answer id}; throws a usage Error naming
/// every missing or invalid answer and the valid choices.
Answers answers_from_json(const Rules& rules, const nlohmann::json& answers, const std::string& origin);

/// The plan options the answers amount to.
PlanOptions options_from_answers(const Rules& rules, const Answers& answers);

/// The `lbtrain plan ...` command line for these options.
std::string plan_command(const Rules& rules, const PlanOptions& options);

}  // namespace lbtrain

/// User settings: defaults for `lbtrain plan` and the training log (`unit`, `db`) from the
/// command line, LBTRAIN_* environment variables, the config file
/// ($XDG_CONFIG_HOME/lbtrain/config.json) and built-in defaults, in that order of precedence.

namespace lbtrain {

/// One setting, its effective value and where that value came from.
struct Setting {
  std::string key;          ///< "level"
  std::string value;        ///< "" when unset and there is no built-in default
  std::string origin;       ///< "default", "config" or "environment"
  std::string where;        ///< how errors name it: "--level", "LBTRAIN_LEVEL", "FILE: level"
};

/// Every setting, in a fixed order.
struct Settings {
  std::string config_path;
  bool config_found = false;
  std::vector<Setting> items;

  const Setting& get(const std::string& key) const;
  Setting& get(const std::string& key);
};

/// The keys a config file may hold and their LBTRAIN_* variables, in order.
const std::vector<std::string>& setting_keys();

/// LBTRAIN_LEVEL for "level".
std::string environment_name(const std::string& key);

/// $XDG_CONFIG_HOME/lbtrain/config.json, or ~/.config/lbtrain/config.json.
std::string config_path(const Environment& env);

/// Built-in defaults, then the config file (when it exists), then LBTRAIN_* variables. A
/// config file that is malformed, holds an unknown key or a value of the wrong type or out of
/// range is an error naming the file, and the line and column for a syntax error.
Settings load_settings(const Environment& env);

/// `lbtrain config set KEY VALUE`: checks KEY and VALUE as a config file's are checked when read
/// (a usage error naming them, with the nearest valid value), then writes the config file with
/// KEY set, atomically (created with its directory when missing; the other keys kept). Returns
/// the config file's path.
std::string set_config_value(const Environment& env, const std::string& key, const std::string& value);

/// `lbtrain config unset KEY`: the config file without KEY, written atomically. Returns whether
/// the file held KEY.
bool unset_config_value(const Environment& env, const std::string& key);

}  // namespace lbtrain
