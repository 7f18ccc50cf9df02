// `lbtrain history [EXERCISE]`: the training log read back.

#include "cli/commands.hpp"
#include "cli/log_settings.hpp"

#include "lbtrain/log.hpp"
#include "lbtrain/write.hpp"

#include "format/escape.hpp"
#include "lbtrain/model/error.hpp"

#include <fmt/format.h>

#include <charconv>
#include <limits>
#include <memory>

namespace lbtrain::cli {

namespace {

const char* const history_help =
    "Given no exercise, it shows the sessions, newest first, each exercise's sets in one line; then every\n"
    "exercise's best set, estimated 1RM and trend, by name. With one: its best set, estimated 1RM, its\n"
    "trend session by session, and every set. Warm-up sets are shown but left out of bests and trends.\n"
    "The estimated 1RM (e1RM) is Epley's: load x (1 + reps / 30), with reps + reps in reserve when\n"
    "RIR was logged (a single to failure is the load itself); loads in kg and lb are compared in\n"
    "one unit, which the first line names: --unit, else the unit most of the log's loads were\n"
    "logged in (a pounds log in lb), else the unit setting. Only barbell and dumbbell compound lifts\n"
    "have one (and exercises the catalogue does not know); a back extension, core work or a held\n"
    "plate is measured in reps, seconds or breaths.\n"
    "The trend is each session's best over the last 8 sessions.\n"
    "--format text (80 columns), json (data/schema/history.schema.json) or csv (a row per session\n"
    "and exercise). The log: --db, else LBTRAIN_DB, else the config file's db, else\n"
    "$XDG_DATA_HOME/lbtrain/lbtrain.db; nothing is created by reading it.\n\n"
    "Examples:\n"
    "  lbtrain history\n"
    "  lbtrain history back-extension --format json\n"
    "  lbtrain history rdl --limit 0 --unit lb\n"
    "  lbtrain history --format csv > sessions.csv\n";


}  // namespace

Command add_history(CLI::App& app) {
  struct Arguments {
    HistoryOptions options;
    std::vector<std::string> words;
    std::string db, unit, limit = "10";
  };
  auto args = std::make_shared<Arguments>();
  auto* history_command = app.add_subcommand("history", "Show the training log: sessions, best sets, estimated 1RM, trends");
  history_command->add_option("exercise", args->words, "Only this exercise (id, alias or name)")->type_name("EXERCISE");
  history_command->add_option("-f,--format", args->options.format, "text, json or csv")
      ->type_name("FORMAT")
      ->default_str("text");
  history_command->add_option("--limit", args->limit, "Sessions shown, newest first; 0 for all")
      ->type_name("N")
      ->default_str("10");
  history_command
      ->add_option("--unit", args->unit,
                   "kg or lb: the unit of estimated 1RMs and trends (default: the log's most used unit)")
      ->type_name("UNIT");
  history_command->add_flag("--compact", args->options.compact, "With --format json: print on one line");
  history_command->add_option("--db", args->db, "The training log's database file")
      ->type_name("FILE")
      ->check(db_option_problem);
  history_command->footer(std::string("\n") + history_help + "\n" + exit_codes_help);
  return {history_command, [args, history_command] {
            HistoryOptions& o = args->options;
            o.limit = parse_limit(args->limit, "sessions");
            if (o.compact && o.format != "json") usage_error("--compact works only with --format json");
            for (std::size_t i = 0; i < args->words.size(); ++i) o.exercise += (i ? " " : "") + args->words[i];
            if (history_command->count("--unit") > 0) o.unit = parse_unit_option(args->unit, "--unit");
            else o.default_unit = unit_setting();
            o.db = log_database(args->db);
            std::string out = history(o);
            if (o.format == "text") write_for_reader(out);  // names and notes typed or imported
            else write_data_output("", out);
            return ExitCode::ok;
          }};
}

}  // namespace lbtrain::cli
