// `lbtrain log EXERCISE PERFORMANCE...`, `lbtrain log undo`, `lbtrain log import FILE`,
// `lbtrain log export` and `lbtrain log backup FILE`: the training log's writing side.

#include "cli/commands.hpp"
#include "cli/log_settings.hpp"

#include "format/escape.hpp"
#include "lbtrain/log.hpp"
#include "lbtrain/write.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <charconv>
#include <memory>

namespace lbtrain::cli {

namespace {

const char* const log_help =
    "What you did, after the exercise (its id, an alias or its name):\n"
    "  3x12@20kg          3 sets of 12 reps at 20 kg      8,8,7@60kg     set by set\n"
    "  @60,60,65kg        a load for each set             @45lb, @22.5   a unit, or the default one\n"
    "  3x12  3x12@bw      bodyweight                      3x30s  2x10b   seconds held, breaths\n"
    "  rir4  rir 3,2,1    reps in reserve (0 to 10)       rpe8           RPE: reps in reserve are 10 - RPE\n"
    "  warmup 2x5@40kg 3x5@100kg                          the group after 'warmup' is warm-up sets\n"
    "  pain 6  pain6      the worst back pain during the sets, 0 to 10 (once an entry)\n"
    "A count without s or b is what the exercise counts (a plank holds seconds). Limits: 1 to 20 sets\n"
    "a group, 1 to 1000 reps or breaths, 1 to 10800 seconds (3 hours), a load over 0 and up to\n"
    "1000 kg (2205 lb).\n"
    "Each entry is one transaction; it prints what it recorded, and warns when the same sets of the\n"
    "exercise were logged that day already. 'lbtrain log entries' lists the entries with their ids;\n"
    "'lbtrain log undo' takes back the last entry (typed or imported), 'lbtrain log undo ID' that one.\n"
    "Three entries are not sets: 'lbtrain log morning pain 3' (the back the morning after a session; --date is the\n"
    "morning's), 'lbtrain log flag SIGN' (a warning sign: leg-pain, numbness, tingling, weakness,\n"
    "night-pain; a program then holds loaded lower-back work) and 'lbtrain log cleared' (a doctor or\n"
    "physical therapist has cleared your back to train).\n\n"
    "The log is an SQLite database: --db, else LBTRAIN_DB, else the config file's db, else\n"
    "$XDG_DATA_HOME/lbtrain/lbtrain.db (~/.local/share/lbtrain/lbtrain.db), created 0600 in a 0700\n"
    "directory on first use. The unit of a load without one: --unit, else LBTRAIN_UNIT, else the\n"
    "config file's unit, else kg.\n\n"
    "Examples:\n"
    "  lbtrain log back-extension 3x12@20kg rir4\n"
    "  lbtrain log rdl 8,8,7@60kg rir 3,2,1 --date 2026-11-20\n"
    "  lbtrain log side-plank 3x30s\n"
    "  lbtrain log back-squat 8,5,3@50kg pain 6\n"
    "  lbtrain log morning pain 3 --date 2026-11-21\n"
    "  lbtrain log \"romanian deadlift\" warmup 2x5@40kg 3x8@70kg --note \"felt easy\"\n"
    "  lbtrain log back-extension 3x13@20kg --week 2 --day 1     # against a plan's week and day\n"
    "  lbtrain log undo\n"
    "  lbtrain log entries\n"
    "  lbtrain log import strong.csv --unit kg\n"
    "  lbtrain log export --format csv -o my-log.csv\n";

const char* const import_help =
    "Reads an export in one transaction (a failure or a kill leaves the log as it was) and tells the\n"
    "format from its header:\n"
    "  strong    Strong: the oldest export (kg or lbs as a column), the old one (semicolons, a unit\n"
    "            on every row) and the current one (commas; it does not say kg or lb, so give\n"
    "            --unit), with its Note rows (put on the exercise's sets) and Rest Timer rows\n"
    "  hevy      Hevy (title,start_time,...,weight_kg or weight_lbs,reps,...,rpe)\n"
    "  fitnotes  FitNotes (Date,Exercise,Category,Weight (kgs) or Weight (lbs),Reps,...)\n"
    "  lbtrain   lbtrain's own export (lbtrain log export --format csv): read back exactly\n"
    "Strong's header and Hevy's months may be in the app's language, as\n"
    "data/import/export-languages.json lists them.\n"
    "A row beyond a limit or not a set is skipped and named in a warning (file:line, column, value,\n"
    "why); --strict refuses the whole file instead (exit 3). A row with more or fewer fields than the\n"
    "header is an error, unless it is FitNotes' unquoted comma in a name (mended, and said).\n"
    "Rest timers, cardio (a distance and no load, or over 3 hours) and empty sets are skipped and\n"
    "counted; loaded carries (a load and a distance) are kept with the distance in the note;\n"
    "warm-up sets are kept and marked; RPE becomes reps in reserve (10 - RPE). A workout's own\n"
    "note (Strong's Workout Notes, Hevy's description) is kept once on its session, and\n"
    "'lbtrain log export --format json' lists it. Exercise names\n"
    "map to the catalogue through data/import/log-names.json and the catalogue's names and\n"
    "aliases, their words in any order and number; a name none knows keeps its sets under a custom\n"
    "id, and the report names each with its count. A set already in the log (same date, session,\n"
    "exercise name, set number, count, load and unit) is not added again: importing the same file\n"
    "twice adds nothing, and importing another log's export adds exactly the sets this log lacks.\n"
    "The file is read row by row; a field over 16 KB (no name or note is that long) makes its row\n"
    "a skipped one. A --unit that contradicts a unit the file or a row states is an error.\n\n"
    "Examples:\n"
    "  lbtrain log import strong.csv --unit kg\n"
    "  lbtrain log import hevy-workouts.csv\n"
    "  lbtrain log import fitnotes.csv --strict\n"
    "  lbtrain log import my-log.csv --from lbtrain --db other.db\n";

const char* const export_help =
    "Every set, oldest first: --format csv (RFC 4180, CRLF line ends; a cell that a spreadsheet\n"
    "would run as a formula starts with ') or json. The CSV's header is\n"
    "date,exercise_id,exercise,set,reps,seconds,breaths,load,unit,rir,per_side,warmup,note,source,session,pain\n"
    "and 'lbtrain log import' reads it back exactly. The JSON also lists the workouts' notes kept\n"
    "on their sessions (session_notes), when the log has any.\n\n"
    "Examples:\n"
    "  lbtrain log export --format csv -o my-log.csv\n"
    "  lbtrain log export --format json | jq '.sets | length'\n";

/// Prints what a command saved in the log. When that cannot be printed (a full disk, a closed
/// terminal) the message says it was saved all the same, so that a script retrying the command
/// does not log it twice.
void write_saved(const std::string& message, const char* what) {
  try {
    write_for_reader(message);
  } catch (const Error& e) {
    if (e.code() != ExitCode::output || std::string(e.what()).empty()) throw;
    throw Error(ExitCode::output, fmt::format("{}; the {} was saved in the training log all the same (do not log it "
                                              "again): {}",
                                              e.what(), what, single_line(message.substr(0, message.find('\n')))));
  }
}

void add_db_option(CLI::App& command, std::string& db) {
  command.add_option("--db", db, "The training log's database file (default: LBTRAIN_DB, the config file's db, or "
                                 "$XDG_DATA_HOME/lbtrain/lbtrain.db)")
      ->type_name("FILE")
      ->check(db_option_problem);
}

const char* const backup_help =
    "A copy of the log as one file, made with SQLite's online backup API: it holds what the log's\n"
    "-wal file holds too, and is consistent while another lbtrain writes. Copy a log this way (or\n"
    "with 'lbtrain log export'), never the .db file alone: the last sets may be in its -wal file,\n"
    "and a -wal left beside another log would be applied to it. A new backup file is 0600.\n\n"
    "Examples:\n"
    "  lbtrain log backup ~/backups/lbtrain-2026-12-01.db\n"
    "  lbtrain history --db ~/backups/lbtrain-2026-12-01.db\n";

Command add_backup(CLI::App& log, std::shared_ptr<std::string> db) {
  auto file = std::make_shared<std::string>();
  auto* backup = log.add_subcommand("backup", "Copy the log, with its -wal, to one file (safe while others write)");
  backup->add_option("file", *file, "The backup's file name")->required()->type_name("FILE");
  add_db_option(*backup, *db);
  backup->footer(std::string("\n") + backup_help + "\n" + exit_codes_help);
  return {backup, [db, file] {
            write_for_reader(backup_log(log_database(*db), *file));
            return ExitCode::ok;
          }};
}

Command add_undo(CLI::App& log, std::shared_ptr<std::string> db) {
  auto id = std::make_shared<std::string>();
  auto* undo = log.add_subcommand("undo", "Take back the last entry, or entry ID, and say what it removed");
  undo->add_option("id", *id, "The entry to take back (lbtrain log entries lists them); default: the last")
      ->type_name("ID");
  add_db_option(*undo, *db);
  undo->footer(std::string("\nExamples:\n  lbtrain log undo\n  lbtrain log undo 12\n  lbtrain log undo --db other.db\n\n") +
               exit_codes_help);
  return {undo, [db, id, undo] {
            std::string log_db = log_database(*db);
            if (undo->count("id") == 0) {
              write_for_reader(undo_last_entry(log_db));
              return ExitCode::ok;
            }
            std::int64_t number = 0;
            auto [end, ec] = std::from_chars(id->data(), id->data() + id->size(), number);
            if (ec != std::errc() || end != id->data() + id->size() || number < 1) {
              usage_error(fmt::format("log undo: \"{}\" is not an entry's id; 'lbtrain log entries' lists them",
                                      single_line(*id)));
            }
            write_for_reader(undo_entry(log_db, number));
            return ExitCode::ok;
          }};
}

Command add_entries(CLI::App& log, std::shared_ptr<std::string> db) {
  struct Arguments {
    std::string format = "text";
    std::string limit = "20";
  };
  auto args = std::make_shared<Arguments>();
  auto* entries = log.add_subcommand("entries", "List the recent entries with their ids, for lbtrain log undo ID");
  entries->add_option("-f,--format", args->format, "text or json")->type_name("FORMAT")->default_str("text");
  entries->add_option("-n,--limit", args->limit, "How many entries, newest first; 0 for all")
      ->type_name("N")
      ->default_str("20");
  add_db_option(*entries, *db);
  entries->footer(std::string("\nEach entry is what one lbtrain log, lbtrain done or import added: its id, the date of its\n"
                              "sets, how many, and what.\n\nExamples:\n  lbtrain log entries\n"
                              "  lbtrain log entries --format json | jq '.entries[0].id'\n\n") +
                  exit_codes_help);
  return {entries, [db, args] {
            std::string text = list_entries(log_database(*db), parse_limit(args->limit, "entries"), args->format);
            if (args->format == "json") write_data_output("", text);
            else write_for_reader(text);
            return ExitCode::ok;
          }};
}

Command add_import(CLI::App& log, std::shared_ptr<std::string> db) {
  struct Arguments {
    ImportOptions options;
    std::string unit;
  };
  auto args = std::make_shared<Arguments>();
  auto* import = log.add_subcommand("import", "Import a Strong, Hevy or FitNotes export, or lbtrain's own");
  import->add_option("file", args->options.file, "The export (CSV)")->required()->type_name("FILE");
  import->add_option("--from", args->options.from, "auto (told from the header), strong, hevy, fitnotes or lbtrain")
      ->type_name("FORMAT")
      ->default_str("auto");
  import->add_option("--unit", args->unit, "kg or lb: the unit of a file that does not say (Strong's current export)")
      ->type_name("UNIT");
  import->add_flag("--strict", args->options.strict,
                   "All or nothing: a row beyond a limit or not a set refuses the file, each listed (exit 3)");
  add_db_option(*import, *db);
  import->footer(std::string("\n") + import_help + "\n" + exit_codes_help);
  return {import, [args, db, import] {
            if (import->count("--unit") > 0) args->options.unit = parse_unit_option(args->unit, "--unit");
            args->options.db = log_database(*db);
            ImportResult result = import_log(args->options);
            print_warnings(result.warnings);
            write_saved(result.report, "import");
            return ExitCode::ok;
          }};
}

Command add_export(CLI::App& log, std::shared_ptr<std::string> db) {
  struct Arguments {
    std::string format = "csv";
    std::string output;
    bool compact = false;
  };
  auto args = std::make_shared<Arguments>();
  auto* exp = log.add_subcommand("export", "Write every set of the log as CSV or JSON");
  exp->add_option("-f,--format", args->format, "csv or json")->type_name("FORMAT")->default_str("csv");
  add_output_option(*exp, args->output, "Write to FILE (atomically) instead of standard output");
  exp->add_flag("--compact", args->compact, "With --format json: print on one line");
  add_db_option(*exp, *db);
  exp->footer(std::string("\n") + export_help + "\n" + exit_codes_help);
  return {exp, [args, db] {
            if (args->compact && args->format != "json") usage_error("--compact works only with --format json");
            std::string log_db = log_database(*db);
            refuse_output_onto_log(args->output, log_db);
            write_data_output(args->output, export_log(log_db, args->format, args->compact));
            return ExitCode::ok;
          }};
}

}  // namespace

std::vector<Command> add_log(CLI::App& app) {
  struct Arguments {
    LogEntryOptions options;
    std::string unit;
    int week = 0, day = 0;
  };
  auto args = std::make_shared<Arguments>();
  auto db = std::make_shared<std::string>();
  auto* log = app.add_subcommand("log", "Log what you did (lbtrain log rdl 3x8@60kg rir2); undo, import, export");
  log->add_option("what", args->options.words, "The exercise (id, alias or name), then what you did: 3x12@20kg rir4")
      ->type_name("EXERCISE PERFORMANCE...");
  log->add_option("--date", args->options.date, "The day you trained: YYYY-MM-DD, today or yesterday")
      ->type_name("DATE")
      ->default_str("today");
  log->add_option("--unit", args->unit, "kg or lb: the unit of a load written without one")->type_name("UNIT");
  log->add_option("--note", args->options.note, "A note kept with every set of this entry")->type_name("TEXT");
  log->add_option("--week", args->week, "Logged against this week of a plan (with --day)")->type_name("N");
  log->add_option("--day", args->day, "Logged against this day of the plan's week (with --week)")->type_name("N");
  log->add_option("--catalog", args->options.catalogues, "Find the exercise in this catalogue (repeatable)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
  add_db_option(*log, *db);
  log->footer(std::string("\n") + log_help + "\n" + exit_codes_help);
  std::vector<Command> commands{add_undo(*log, db), add_entries(*log, db), add_import(*log, db),
                                add_export(*log, db), add_backup(*log, db)};
  commands.push_back({log, [args, db, log] {
                        LogEntryOptions& o = args->options;
                        if (o.words.empty()) {
                          usage_error("name the exercise, then what you did, such as: lbtrain log back-extension "
                                      "3x12@20kg rir4\nRun 'lbtrain log --help' for the notation.");
                        }
                        if (log->count("--week") > 0) o.week = args->week;
                        if (log->count("--day") > 0) o.day = args->day;
                        o.unit = log->count("--unit") > 0 ? parse_unit_option(args->unit, "--unit") : unit_setting();
                        o.db = log_database(*db);
                        LogEntryResult result = log_entry(o);
                        print_warnings(result.warnings);
                        write_saved(result.text, "entry");
                        return ExitCode::ok;
                      }});
  return commands;
}

}  // namespace lbtrain::cli
