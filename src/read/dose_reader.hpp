#pragma once
// Reading a dose ({kind, sets, value}), shared by the catalogue reader and the import mappings.

#include "lbtrain/model/catalogue.hpp"
#include "read/json_input.hpp"

#include <string>

namespace lbtrain {

/// Reads the required "dose" object of the object `parent` reads; problems go to `diagnostics`,
/// prefixed with `context`.
Dose read_dose(FieldReader& parent, const Vocabulary& vocabulary, const std::string& context, Diagnostics& diagnostics);

}  // namespace lbtrain
