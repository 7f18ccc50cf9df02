#pragma once
// Shell completion scripts, generated from the command-line definition and the built-in data,
// so they never drift from either.

#include "lbtrain/model/rules.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

namespace lbtrain::cli {

/// What an option's value completes to.
struct ValueCompletion {
  std::vector<std::string> words;  ///< fixed words; empty: a free value (or a file)
  bool list = false;               ///< a comma-separated list of words
  bool file = false;               ///< a file name
};

/// Completions by long option name ("--goal"), from the data the binary carries.
std::map<std::string, ValueCompletion> completion_values(const Rules& rules, const Vocabulary& vocabulary);

/// The completion script for `shell` (bash, zsh or fish); a usage error for another shell.
std::string completion_script(const CLI::App& app, const std::string& shell,
                              const std::map<std::string, ValueCompletion>& values);

}  // namespace lbtrain::cli
