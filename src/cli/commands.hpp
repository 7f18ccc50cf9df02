#pragma once
// The commands of the command-line layer. Each add_* function adds one command to the CLI11
// application, binding its options to a plain options struct of its own, and returns what runs
// when the command was given. CLI11 stays in src/cli/.

#include "lbtrain/app.hpp"
#include "lbtrain/model/error.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace lbtrain::cli {

/// A command: its CLI11 subcommand and what runs when it was the one given.
struct Command {
  CLI::App* app = nullptr;
  std::function<ExitCode()> run;
};

/// The exit statuses, as every command's help ends.
extern const char* const exit_codes_help;

/// Where and how output goes: a terminal or not, its width, colour preferences.
Terminal this_terminal();

/// Prints "lbtrain: error: MESSAGE" to standard error (nothing for an empty message: the reader
/// of a pipe went away).
void print_error(const std::string& message);

/// `lbtrain plan` (and `assess` when told to run it): renders the plan, then writes it to
/// stdout or atomically to --output. A refusal goes to stdout (or, with --output, to stderr, and
/// no file is written); warnings go to stderr first. With --output and standard error a
/// terminal, says there what it wrote. Returns the exit status.
ExitCode run_plan(const PlanOptions& options, const Terminal& terminal);

/// Prints "lbtrain: warning: MESSAGE" for each of the rules' warnings (a weakened safety rule).
void print_warnings(const std::vector<std::string>& warnings);

/// Writes text meant to be read on a terminal (a listing, a report, settings) to standard
/// output, through printable(): data can put no escape sequence or reordering mark on screen.
void write_for_reader(const std::string& text);

/// Writes data meant for files and other programs (an export: every byte as stored) to `path`
/// through write_output (a new file 0600: health data); when that is standard output and a
/// terminal, through printable(), so that what the log holds cannot drive the terminal.
void write_data_output(const std::string& path, const std::string& text);

/// Adds "-o,--output FILE" bound to `path`; an empty file name is a usage error (standard
/// output is "-" or no -o at all).
CLI::Option* add_output_option(CLI::App& command, std::string& path, const std::string& description);

Command add_plan(CLI::App& app);
Command add_assess(CLI::App& app);
Command add_goals(CLI::App& app);
/// `exercises` and its nested `show`, the nested one first.
std::vector<Command> add_exercises(CLI::App& app);
/// `catalog validate` and `catalog import`.
std::vector<Command> add_catalog(CLI::App& app);
/// `config show` and `config path`.
std::vector<Command> add_config(CLI::App& app);
/// `log` and its nested `undo`, `import` and `export`, the nested ones first.
std::vector<Command> add_log(CLI::App& app);
/// `start`, `next` and `program`.
std::vector<Command> add_program_commands(CLI::App& app);
/// `history [EXERCISE]`.
Command add_history(CLI::App& app);
/// `completion SHELL`: scripts generated from `app` itself.
Command add_completion(CLI::App& app);

}  // namespace lbtrain::cli
