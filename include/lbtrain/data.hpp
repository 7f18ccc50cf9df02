#pragma once
/// Everything a plan is made from: vocabulary, catalogue and rules, loaded and cross-checked.

#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/rules.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include <string>

namespace lbtrain {

/// The loaded, validated knowledge base.
struct DataSet {
  const Vocabulary* vocabulary = nullptr;
  Catalogue catalogue;
  Rules rules;
};

/// Loads the catalogues (later ones add exercises and replace earlier ones by id; none, or
/// the name "builtin", means the built-in one) and layers the rules files over the built-in
/// rules.
DataSet load_data_set(const std::vector<std::string>& catalogue_paths, const std::vector<std::string>& rules_paths,
                      CatalogueFormat format = CatalogueFormat::automatic);

/// The built-in vocabulary, read once from the image compiled in (data/*.json, validated and
/// converted at build time: src/data/).
const Vocabulary& builtin_vocabulary();

/// The built-in catalogue, read once from the image compiled in.
const Catalogue& builtin_catalogue();

/// The built-in rules, read once from the image compiled in.
const Rules& builtin_rules();

/// Builds a data set from texts already in memory (used by tests).
DataSet make_data_set(std::string_view catalogue_text, std::string_view rules_text,
                      const std::string& catalogue_origin = "catalogue.json",
                      const std::string& rules_origin = "goals.json");

}  // namespace lbtrain
