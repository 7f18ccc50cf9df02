// Browsing and checking the data: `lbtrain goals`, `lbtrain exercises [show ID]`,
// `lbtrain catalog validate|import`.

#include "lbtrain/read.hpp"
#include "cli/commands.hpp"

#include "lbtrain/select.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/app.hpp"
#include "lbtrain/data.hpp"
#include "format/escape.hpp"
#include "cli/stdout.hpp"
#include "model/text_match.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include <fmt/format.h>

#include <memory>

namespace lbtrain::cli {

namespace {

/// The data a browsing command reads, and how it prints.
struct DataArguments {
  std::vector<std::string> catalogues;
  std::string catalogue_format = "auto";
  std::vector<std::string> rules;
  std::string format = "text";
  bool compact = false;

  DataSet load() const {
    DataSet data = load_data_set(catalogues, rules, parse_catalogue_format(catalogue_format));
    print_warnings(data.rules.warnings);
    return data;
  }

  /// Listings print as text or JSON.
  bool json() const {
    static const std::vector<std::string> formats{"text", "json"};
    if (format != "text" && format != "json") usage_error(unknown_value_message("--format", "format", format, formats, formats));
    if (compact && format != "json") usage_error("--compact works only with --format json");
    return format == "json";
  }
};

void add_data_options(CLI::App& command, DataArguments& args) {
  command.add_option("--catalog", args.catalogues, "Catalogue to read instead of the built-in one (repeatable)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
  command.add_option("--catalog-format", args.catalogue_format, "auto, lbtrain or free-exercise-db")
      ->type_name("FORMAT")
      ->default_str(args.catalogue_format);
  command.add_option("--rules", args.rules, "Rules layered over the built-in ones (repeatable)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
  command.add_option("-f,--format", args.format, "text or json")->type_name("FORMAT")->default_str(args.format);
  command.add_flag("--compact", args.compact, "With --format json: print on one line");
}

}  // namespace

Command add_goals(CLI::App& app) {
  auto args = std::make_shared<DataArguments>();
  auto* goals = app.add_subcommand("goals", "List the goals: aliases, what each strengthens, stretches and avoids");
  add_data_options(*goals, *args);
  goals->footer("\nExamples:\n  lbtrain goals\n  lbtrain goals --format json | jq -r '.[].id'\n"
                "  lbtrain goals --rules docs/examples/glute-goal.json\n\n" +
                std::string(exit_codes_help));
  return {goals, [args] {
            bool json = args->json();
            std::string out = format_goals(args->load().rules, json, args->compact);
            if (json) write_stdout(out);
            else write_for_reader(out);
            return ExitCode::ok;
          }};
}

std::vector<Command> add_exercises(CLI::App& app) {
  struct Arguments {
    DataArguments data;  ///< bound on both levels: `exercises --catalog F show ID` reads F
    ExerciseFilter filter;
    std::string show_id;
  };
  auto args = std::make_shared<Arguments>();
  auto* exercises = app.add_subcommand("exercises", "List the exercises of the catalogue, filtered; or show one");
  exercises->add_option("-m,--muscle", args->filter.muscle, "Only exercises that work this muscle")->type_name("MUSCLE");
  exercises->add_option("-e,--equipment", args->filter.equipment, "Only exercises this equipment list or preset allows")
      ->type_name("LIST");
  exercises->add_option("-c,--category", args->filter.category, "Only this category")->type_name("CATEGORY");
  exercises->add_option("-g,--goal", args->filter.goal, "Only exercises the goal can prescribe")->type_name("GOAL");
  add_data_options(*exercises, args->data);
  auto* show = exercises->add_subcommand("show", "Everything about one exercise: muscles, dose, cues, source, "
                                                 "which goals use it, what excludes it, alternatives");
  show->add_option("id", args->show_id, "Exercise id, as 'lbtrain exercises' lists it")->required()->type_name("ID");
  add_data_options(*show, args->data);
  exercises->footer("\nExamples:\n  lbtrain exercises --muscle hamstrings --category stretch\n"
                    "  lbtrain exercises --goal lordosis --equipment home\n"
                    "  lbtrain exercises show back-extension\n"
                    "  lbtrain exercises --catalog exercises.json --format json | jq length\n\n" +
                    std::string(exit_codes_help));
  Command show_command{show, [args] {
                         bool json = args->data.json();
                         DataSet data = args->data.load();
                         std::string out = format_exercise_details(data.rules, describe_exercise(data, args->show_id),
                                                                   json, args->data.compact);
                         if (json) write_stdout(out);
                         else write_for_reader(out);
                         return ExitCode::ok;
                       }};
  Command list_command{exercises, [args] {
                         bool json = args->data.json();
                         DataSet data = args->data.load();
                         std::string out = format_exercise_list(filter_exercises(data, args->filter), json, args->data.compact);
                         if (json) write_stdout(out);
                         else write_for_reader(out);
                         return ExitCode::ok;
                       }};
  return {show_command, list_command};
}

std::vector<Command> add_catalog(CLI::App& app) {
  struct Arguments {
    std::vector<std::string> validate_paths;
    std::string catalogue_format = "auto";
    std::string from, input, output;
  };
  auto args = std::make_shared<Arguments>();
  auto* catalog = app.add_subcommand("catalog", "Check catalogue and rules files, or import another catalogue format");
  catalog->require_subcommand(1);
  auto* validate = catalog->add_subcommand(
      "validate", "Check catalogue and rules files and report every problem with file, line and column");
  validate->add_option("files", args->validate_paths, "Catalogue or rules files (told apart by their content)")
      ->required()
      ->type_name("FILE...");
  validate->add_option("--catalog-format", args->catalogue_format, "auto, lbtrain or free-exercise-db")
      ->type_name("FORMAT")
      ->default_str(args->catalogue_format);
  auto* import = catalog->add_subcommand("import", "Convert another catalogue format into an lbtrain catalogue");
  import->add_option("--from", args->from, "The input's format: free-exercise-db")->required()->type_name("FORMAT");
  import->add_option("input", args->input, "The catalogue to convert")->required()->type_name("IN");
  add_output_option(*import, args->output, "Write to FILE (atomically) instead of standard output");
  catalog->footer("\nExamples:\n  lbtrain catalog validate my-exercises.json my-goals.json\n"
                  "  lbtrain catalog import --from free-exercise-db exercises.json -o catalogue.json\n\n"
                  "'catalog validate' exits 0 when every file is clean and 3 when any has a problem.\n\n" +
                  std::string(exit_codes_help));
  Command validate_command{validate, [args] {
                             const auto& paths = args->validate_paths;
                             ValidationReport report = validate_files(paths, parse_catalogue_format(args->catalogue_format));
                             std::string out;
                             for (const auto& line : report.lines) out += cut_long_values(line) + "\n";
                             write_for_reader(out);
                             if (report.files_with_problems == 0) return ExitCode::ok;
                             print_error(fmt::format("{} of {} file{} with problems", report.files_with_problems,
                                                     paths.size(), paths.size() == 1 ? "" : "s"));
                             return ExitCode::data;
                           }};
  Command import_command{import, [args] {
                           if (args->from != "free-exercise-db") {
                             usage_error(unknown_value_message("--from", "catalogue format", args->from,
                                                               {"free-exercise-db"}, {"free-exercise-db"}));
                           }
                           std::string text = format_catalogue(
                               load_catalogue_file(args->input, builtin_vocabulary(), CatalogueFormat::free_exercise_db));
                           write_output(args->output, text);
                           return ExitCode::ok;
                         }};
  return {validate_command, import_command};
}

}  // namespace lbtrain::cli
