#pragma once
/// Reading the data files (src/read/): a vocabulary, a catalogue (lbtrain's or free-exercise-db's)
/// and rules (alone, or as a layer over other rules), each checked whole, every problem reported
/// at once with its file, line and column.

#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/rules.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include <string>
#include <string_view>

namespace lbtrain {

/// Parses and checks a vocabulary file.
Vocabulary parse_vocabulary(std::string_view text, const std::string& origin);

/// Parses and validates a catalogue, reporting every problem at once.
Catalogue parse_catalogue(std::string_view text, const std::string& origin,
                          const Vocabulary& vocabulary, CatalogueFormat format = CatalogueFormat::automatic);

/// Reads and validates a catalogue file; throws a data Error listing its problems.
Catalogue load_catalogue_file(const std::string& path, const Vocabulary& vocabulary,
                              CatalogueFormat format = CatalogueFormat::automatic);

class Diagnostics;

/// Parses and validates a rules file, reporting every problem at once. With `base`, the file
/// is a layer over those rules: its goals, screening questions and progressions add to or
/// replace the base's ones with the same id, texts replace the base's by key, and any other
/// section it has replaces the base's.
Rules parse_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                  const Rules* base = nullptr);

/// As parse_rules, but records validation problems in `diagnostics` instead of throwing (a
/// syntax error still throws), and returns the file's own rules: checked against `base`, not
/// yet layered over it.
Rules read_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                 Diagnostics& diagnostics, const Rules* base = nullptr);

}  // namespace lbtrain
