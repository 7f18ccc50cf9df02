#pragma once
// One exercise as an lbtrain catalogue writes it, for the catalogue writer and the listings.

#include "lbtrain/model/catalogue.hpp"

#include <nlohmann/json.hpp>

namespace lbtrain::format {

/// One exercise as it appears in an lbtrain catalogue, keys in the documented order.
nlohmann::ordered_json exercise_json(const Exercise& exercise);

}  // namespace lbtrain::format
