#pragma once
/// The fixed words a catalogue and rules may use: categories, patterns, muscles, equipment,
/// levels, dose kinds. Loaded from data/vocabulary.json.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain {

/// The fixed vocabulary of catalogue attributes.
struct Vocabulary {
  std::vector<std::string> categories;
  std::vector<std::string> patterns;
  std::vector<std::string> muscles;
  std::vector<std::string> equipment;
  std::map<std::string, std::vector<std::string>> equipment_presets;
  std::vector<std::string> levels;  ///< easiest first
  std::vector<std::string> dose_kinds;

  /// Position of a level in `levels` (0 = easiest), or -1 when unknown.
  int level_rank(std::string_view level) const;
};

}  // namespace lbtrain
