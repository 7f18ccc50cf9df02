#pragma once
/// Checking data files (`lbtrain catalog validate`): catalogues in either format and rules
/// files, told apart by their content, every problem with its file, line and column.

#include "lbtrain/catalogue.hpp"

#include <string>
#include <vector>

namespace lbtrain {

/// The result of checking data files.
struct ValidationReport {
  std::vector<std::string> lines;  ///< one per problem, "FILE:LINE:COLUMN: /pointer: message", then a summary per file
  std::size_t files_with_problems = 0;
};

/// Every problem of every file in one run. Rules are layered over the built-in rules and checked
/// as a plan would use them, and against the catalogues given with them (or the built-in one)
/// for tags and exercises nothing defines.
ValidationReport validate_files(const std::vector<std::string>& paths, CatalogueFormat format);

}  // namespace lbtrain
