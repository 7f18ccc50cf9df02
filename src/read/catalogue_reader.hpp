#pragma once
// Reading a catalogue as a stream, one exercise at a time, in lbtrain's format or
// free-exercise-db's.

#include "lbtrain/model/catalogue.hpp"
#include "read/byte_source.hpp"
#include "read/json_input.hpp"

namespace lbtrain {

/// Reads a catalogue from `source` in either format. Every problem is recorded in `diagnostics`
/// (with line and column); a syntax error throws a data Error.
Catalogue read_catalogue(ByteSource& source, CatalogueFormat format, const Vocabulary& vocabulary,
                         Diagnostics& diagnostics);

}  // namespace lbtrain
