#pragma once
/// Everything a plan is made from: vocabulary, catalogue and rules, loaded and cross-checked.

#include "lbtrain/catalogue.hpp"
#include "lbtrain/rules.hpp"
#include "lbtrain/vocabulary.hpp"

#include <string>

namespace lbtrain {

/// The loaded, validated knowledge base.
struct DataSet {
  const Vocabulary* vocabulary = nullptr;
  Catalogue catalogue;
  Rules rules;
};

/// Loads the catalogue and rules from files, or the built-in ones when a path is empty or
/// "builtin", and checks them against each other.
DataSet load_data_set(const std::string& catalogue_path, const std::string& rules_path);

/// The built-in catalogue, parsed once.
const Catalogue& builtin_catalogue();

/// The built-in rules, parsed once.
const Rules& builtin_rules();

/// Builds a data set from texts already in memory (used by tests).
DataSet make_data_set(std::string_view catalogue_text, std::string_view rules_text,
                      const std::string& catalogue_origin = "catalogue.json",
                      const std::string& rules_origin = "goals.json");

}  // namespace lbtrain
