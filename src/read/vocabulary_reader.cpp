// Reading the vocabulary file: the fixed words catalogues and rules may use.

#include "lbtrain/read.hpp"
#include "lbtrain/model/vocabulary.hpp"
#include "read/json_input.hpp"

namespace lbtrain {

Vocabulary parse_vocabulary(std::string_view text, const std::string& origin) {
  auto root = parse_json(text, origin);
  Diagnostics diagnostics(origin);
  FieldReader reader(root, "", "", diagnostics);
  Vocabulary v;
  v.categories = reader.strings("categories");
  v.patterns = reader.strings("patterns");
  v.muscles = reader.strings("muscles");
  v.equipment = reader.strings("equipment");
  v.levels = reader.strings("levels");
  v.dose_kinds = reader.strings("dose_kinds");
  const auto& presets = reader.member("equipment_presets");
  if (presets.is_object()) {
    for (const auto& [name, items] : presets.items()) {
      FieldReader preset_reader(presets, "/equipment_presets", "equipment preset", diagnostics);
      v.equipment_presets[name] = preset_reader.words(name, v.equipment, "equipment");
    }
  }
  diagnostics.throw_if_any();
  return v;
}

}  // namespace lbtrain
