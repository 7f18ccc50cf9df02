// `lbtrain config show|path|set|unset` and `lbtrain completion SHELL`.

#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "cli/log_settings.hpp"

#include "lbtrain/data.hpp"
#include "cli/stdout.hpp"
#include "lbtrain/app.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include "format/escape.hpp"
#include "format/layout.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <cstdlib>
#include <memory>

namespace lbtrain::cli {

namespace {

const char* const config_help =
    "Settings are read from, in order of precedence: the command line; the environment\n"
    "(LBTRAIN_EQUIPMENT, LBTRAIN_LEVEL, LBTRAIN_DAYS, LBTRAIN_START_WEEKDAY, LBTRAIN_FORMAT,\n"
    "LBTRAIN_COLOR, LBTRAIN_UNIT, LBTRAIN_DB, LBTRAIN_INCREMENT, LBTRAIN_PAGER); the config file\n"
    "$XDG_CONFIG_HOME/lbtrain/config.json (default ~/.config/lbtrain/config.json); and the\n"
    "built-in defaults. The config file is a JSON object such as\n"
    "  {\"equipment\": \"home\", \"level\": \"beginner\", \"days\": 3, \"start_weekday\": \"mon\",\n"
    "   \"format\": \"sheet\", \"color\": \"never\", \"unit\": \"lb\", \"db\": \"~/training/log.db\",\n"
    "   \"increment\": \"2.5kg\", \"pager\": \"off\"}\n"
    "'lbtrain config set KEY VALUE' checks the value as the file's are checked when read and\n"
    "writes the file atomically; 'lbtrain config unset KEY' removes a key.\n\n"
    "Examples:\n"
    "  lbtrain config show\n"
    "  lbtrain config set level beginner\n"
    "  lbtrain config set equipment mat,band\n"
    "  lbtrain config unset level\n"
    "  LBTRAIN_LEVEL=beginner lbtrain config show\n"
    "  lbtrain config path\n";

const char* const completion_examples =
    "Examples:\n"
    "  source <(lbtrain completion bash)                 # bash, this shell only\n"
    "  lbtrain completion zsh > ~/.zfunc/_lbtrain        # zsh, with ~/.zfunc in fpath\n"
    "  lbtrain completion fish > ~/.config/fish/completions/lbtrain.fish\n"
    "Installed packages put the scripts where each shell finds them.\n";

ExitCode show_settings() {
  const Settings& settings = cli::settings();
  std::string out =
      fmt::format("Config file: {}{}\n\n", settings.config_path, settings.config_found ? "" : " (not found)");
  // Values as the terminal will show them (an escape as \x1B), the column as wide as the widest.
  std::vector<std::string> values;
  int value_width = 16;
  for (const auto& s : settings.items) {
    values.push_back(s.value.empty() ? "-" : printable(s.value));
    value_width = std::max(value_width, layout::display_width(values.back()));
  }
  out += fmt::format("{:<14} {} {}\n", "SETTING", layout::pad("VALUE", value_width), "FROM");
  for (std::size_t i = 0; i < settings.items.size(); ++i) {
    const auto& s = settings.items[i];
    std::string from = s.origin == "environment" ? "environment (" + s.where + ")"
                       : s.origin == "config"    ? "config file"
                                                 : "default";
    out += fmt::format("{:<14} {} {}\n", s.key, layout::pad(values[i], value_width), from);
  }
  write_for_reader(out);
  return ExitCode::ok;
}

}  // namespace

std::vector<Command> add_config(CLI::App& app) {
  auto* config = app.add_subcommand("config", "Show, set or unset your settings");
  config->require_subcommand(1);
  auto* show = config->add_subcommand("show", "Print the effective settings and where each came from");
  auto* path = config->add_subcommand("path", "Print the path of the config file");
  struct Change {
    std::string key, value;
  };
  auto change = std::make_shared<Change>();
  auto* set = config->add_subcommand("set", "Set KEY to VALUE in the config file (checked first; written atomically)");
  set->add_option("key", change->key, "A setting: " + join(setting_keys(), ", "))->required()->type_name("KEY");
  set->add_option("value", change->value, "Its value, as in the config file (equipment as a comma-separated list)")
      ->required()
      ->type_name("VALUE");
  auto* unset = config->add_subcommand("unset", "Remove KEY from the config file: its default applies again");
  unset->add_option("key", change->key, "A setting: " + join(setting_keys(), ", "))->required()->type_name("KEY");
  config->footer(std::string("\n") + config_help + "\n" + exit_codes_help);
  return {{show, [] { return show_settings(); }},
          {path,
           [] {
             write_for_reader(config_path(std::getenv) + "\n");
             return ExitCode::ok;
           }},
          {set,
           [change] {
             std::string file = set_config_value(std::getenv, change->key, change->value);
             write_for_reader(fmt::format("Set {} to \"{}\" in {}\n", change->key, change->value, file));
             return ExitCode::ok;
           }},
          {unset, [change] {
             bool removed = unset_config_value(std::getenv, change->key);
             write_for_reader(removed ? fmt::format("Removed {} from {}; the default applies.\n", change->key,
                                                    config_path(std::getenv))
                                      : fmt::format("{} is not set in {}; nothing changed.\n", change->key,
                                                    config_path(std::getenv)));
             return ExitCode::ok;
           }}};
}

Command add_completion(CLI::App& app) {
  auto shell = std::make_shared<std::string>();
  auto* completion = app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
  completion->add_option("shell", *shell, "bash, zsh or fish")->required()->type_name("SHELL");
  completion->footer(std::string("\n") + completion_examples);
  return {completion, [shell, &app] {
            write_stdout(completion_script(app, *shell, completion_values(builtin_rules(), builtin_vocabulary())));
            return ExitCode::ok;
          }};
}

}  // namespace lbtrain::cli
