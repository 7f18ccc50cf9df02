// `lbtrain assess`: the questionnaire on a terminal or from an answers file, then the plan
// command it recommends, and maybe the plan.

#include "cli/commands.hpp"

#include "lbtrain/app.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/format.hpp"
#include "read/json_input.hpp"
#include "cli/stdout.hpp"
#include "lbtrain/screen.hpp"
#include "format/layout.hpp"

#include <algorithm>
#include <csignal>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace lbtrain::cli {

namespace {

const char* const assess_examples =
    "Examples:\n"
    "  lbtrain assess                         # answer on the terminal\n"
    "  lbtrain assess --answers answers.json  # {\"injury\": \"no\", \"goal\": \"lockout\", ...}\n"
    "  lbtrain assess --answers answers.json --run\n";

extern "C" void cancel_assessment(int) {
  static const char message[] = "\nlbtrain: assessment cancelled; no plan written\n";
  [[maybe_unused]] auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
  ::_exit(static_cast<int>(ExitCode::cancelled));
}

struct AssessArguments {
  std::string answers_file;
  bool from_file = false;  ///< --answers was given (an empty name is an error, not a terminal)
  bool run_now = false;
};

ExitCode run_assess(AssessArguments args) {
  const Rules& rules = builtin_rules();
  Answers answers;
  bool interactive = !args.from_file;
  if (!interactive) {
    auto json = parse_json(read_data_file(args.answers_file), args.answers_file);
    answers = answers_from_json(rules, json, args.answers_file);
    args.run_now = args.run_now || (json.contains("run") && json["run"] == true);
  } else {
    if (::isatty(STDIN_FILENO) != 1) {
      usage_error("'lbtrain assess' asks its questions on a terminal, and standard input is not one; "
                  "answer from a file instead with --answers FILE (a JSON object such as "
                  "{\"injury\": \"no\", \"goal\": \"lockout\", ...}; see 'lbtrain assess --help')");
    }
    std::signal(SIGINT, cancel_assessment);
    AskStyle style;
    Terminal terminal = this_terminal();
    if (terminal.stdout_is_tty && terminal.columns > 0) style.width = std::clamp(terminal.columns, 40, 100);
    std::cout << layout::wrap("lbtrain assess: a few questions to find the plan that fits you. Answer with the "
                              "number or the word; Ctrl-C or Ctrl-D leaves at any time.",
                              style.width, "", "");
    for (const auto& item : builtin_vocabulary().equipment) {
      if (item != "none") style.equipment_items.push_back(item);  // "none" is an answer of its own
    }
    answers = ask_questions(rules, std::cin, std::cout, style);
  }
  PlanOptions options = options_from_answers(rules, answers);
  if (auto refusal = refusal_for(rules, options.flags)) {
    write_stdout((interactive ? "\n" : "") + format_refusal_text(*refusal, {}));
    return ExitCode::refused;
  }
  write_stdout((interactive ? "\nRecommended plan:\n  " : "") + plan_command(rules, options) + "\n");
  if (interactive && !args.run_now) {
    std::cout << "\nRun it now? [Y/n] " << std::flush;
    std::string reply;
    if (!std::getline(std::cin, reply)) {
      std::cout << "\n" << std::flush;
      throw Error(ExitCode::cancelled, "assessment cancelled (end of input); the plan above was not run");
    }
    args.run_now = reply.empty() || reply[0] == 'y' || reply[0] == 'Y';
    if (args.run_now) std::cout << "\n" << std::flush;
  }
  return args.run_now ? run_plan(options, this_terminal()) : ExitCode::ok;
}

}  // namespace

Command add_assess(CLI::App& app) {
  auto args = std::make_shared<AssessArguments>();
  auto* assess = app.add_subcommand("assess", "Answer a few questions and get the plan command that fits you");
  assess->add_option("--answers", args->answers_file, "Read the answers from a JSON file instead of asking")
      ->type_name("FILE");
  assess->add_flag("--run", args->run_now, "Run the recommended plan without asking");
  assess->footer(std::string("\n") + assess_examples + "\n" + exit_codes_help);
  return {assess, [args, assess] {
            args->from_file = assess->count("--answers") > 0;
            return run_assess(*args);
          }};
}

}  // namespace lbtrain::cli
