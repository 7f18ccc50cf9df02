#pragma once
/// Shared test helpers: the built-in data, running the real binary, golden files.

#include "lbtrain/data.hpp"
#include "lbtrain/plan.hpp"
#include "lbtrain/screen.hpp"
#include "lbtrain/select.hpp"

#include <memory>

#include <string>
#include <vector>

namespace lbtrain::test {

/// The built-in data set, loaded once.
const DataSet& builtin();

/// A plan from the built-in data (or `data`) for these options.
Plan make_plan(const PlanOptions& options);
Plan make_plan(const PlanOptions& options, const DataSet& data);

/// The stages of a plan up to selection, kept together (the selection points into the rest).
struct Selected {
  Request request;
  Screened screened;
  Selection selection;
};

/// The options as a command line, for messages: "--goal general --days 4 --cannot-hinge ...".
std::string describe(const PlanOptions& options);

/// Resolves, screens (a refusal fails the test) and selects for these options.
std::unique_ptr<Selected> select_for(const PlanOptions& options, const DataSet& data);

/// What a run of the lbtrain binary produced.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs the built lbtrain binary with `args`, capturing stdout and stderr; `env` entries
/// ("NAME=value") are added to the environment. The tester's own config file, training log
/// (XDG_DATA_HOME is a temporary directory), LBTRAIN_*, NO_COLOR and CLICOLOR_FORCE are hidden
/// unless `env` sets them.
RunResult run_lbtrain(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

/// Runs any program (looked up in PATH unless `program` has a slash) the same way.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::string>& env = {});

/// Runs lbtrain on a pseudo-terminal, typing each string of `typed` when it pauses for input;
/// `out` holds everything the terminal showed (stdout and stderr together). NO_COLOR is set
/// unless `env` ("NO_COLOR=") clears it; the terminal is `columns` wide.
RunResult run_lbtrain_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& typed,
                                  const std::vector<std::string>& env = {}, int columns = 80);

/// How many times `what` occurs in `text` (not overlapping).
std::size_t count(const std::string& text, const std::string& what);

/// Reads a whole file (empty string if it cannot be read).
std::string read_file(const std::string& path);

/// Writes a file, creating it.
void write_file(const std::string& path, const std::string& content);

/// A fresh, empty temporary directory.
std::string temp_dir();

/// Compares `actual` with tests/golden/<name>; with LBTRAIN_UPDATE_GOLDEN=1 rewrites it instead.
void check_golden(const std::string& name, const std::string& actual);

}  // namespace lbtrain::test
