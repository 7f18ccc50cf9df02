#pragma once
/// A fresh training log in a temporary directory, and the real binary run on it with `--db`:
/// what the end-to-end tests of `lbtrain log`, `history`, imports and programs share.

#include "support/helpers.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lbtrain::test {

struct Log {
  std::string dir = temp_dir();
  std::string path = dir + "/lbtrain.db";
  /// Added to the environment of every run ("COLUMNS=80").
  std::vector<std::string> env;

  /// lbtrain with `args` and `--db PATH`; `more_env` is added to `env` for this run.
  RunResult run(std::vector<std::string> args, const std::vector<std::string>& more_env = {}) const;
  /// The same; the test stops (showing standard error) unless it exits 0.
  RunResult ok(const std::vector<std::string>& args) const;
  /// ok(), and standard error must be empty: no warning either.
  RunResult clean(const std::vector<std::string>& args) const;
  /// ok()'s standard output.
  std::string out(const std::vector<std::string>& args) const;
  /// `log import FILE MORE...`; the test stops unless it exits 0 (warnings allowed).
  RunResult import(const std::string& file, std::vector<std::string> more = {}) const;
  /// `log import FILE MORE...` with nothing on standard error; its standard output.
  std::string clean_import(const std::string& file, std::vector<std::string> more = {}) const;

  /// How many sets the log holds `WHERE where` (SQL); 0 while the log has no file.
  std::int64_t count(const std::string& where = "1") const;
  /// How many rows `table` holds; 0 while the log has no file.
  std::int64_t table_rows(const std::string& table) const;
  /// The first value `sql` selects, as text or as a number.
  std::string text(const std::string& sql) const;
  double number(const std::string& sql) const;
};

}  // namespace lbtrain::test
