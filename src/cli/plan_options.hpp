#pragma once
// The options that make a plan's request, shared by `lbtrain plan` and `lbtrain start`: goals,
// length, schedule, level, equipment, data files, exclusions and the screening questions the
// built-in rules define; and the settings that fill what the command line leaves out.

#include "lbtrain/screen.hpp"

#include <CLI/CLI.hpp>

#include <map>
#include <string>

namespace lbtrain::cli {

/// What the parser fills: the options, and the values whose presence matters.
struct PlanArguments {
  PlanOptions options;
  std::string days, week, start, on, at, title;
  std::map<std::string, bool> flags;           ///< screening flag -> given
  std::map<std::string, std::string> choices;  ///< screening question -> answer given
};

/// Adds the request's options to `command`, bound to `args`.
void add_request_options(CLI::App& command, PlanArguments& args);

/// The options as given, with the settings (environment, config file) filling the rest.
PlanOptions collect_request(PlanArguments& args, const CLI::App& command);

/// The goals, equipment and levels the built-in data define, for a command's help.
std::string goals_help();

}  // namespace lbtrain::cli
