#include "read/dose_reader.hpp"

namespace lbtrain {

Dose read_dose(FieldReader& reader, const Vocabulary& vocabulary, const std::string& context,
               Diagnostics& diagnostics) {
  Dose dose;
  const auto& value = reader.member("dose");
  if (value.is_null()) return dose;
  FieldReader dose_reader(value, reader.pointer("dose"), context, diagnostics);
  dose_reader.reject_unknown({"kind", "sets", "value"});
  auto kind = dose_reader.word("kind", vocabulary.dose_kinds, "dose kind", true, "reps");
  dose.kind = kind == "seconds" ? DoseKind::seconds
              : kind == "breaths" ? DoseKind::breaths
                                  : DoseKind::reps;
  dose.sets = dose_reader.integer("sets", 1, 10, true, 1);
  dose.value = dose_reader.integer("value", 1, 600, true, 1);
  return dose;
}

}  // namespace lbtrain
