#pragma once
// Finding an exercise of the catalogue by what a lifter types or an app exports: its id, an
// alias or its name, in any case, with spaces, hyphens or brackets.

#include "lbtrain/model/catalogue.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace lbtrain::log {

/// The form names are compared in: lower case, every run of other characters one hyphen, none
/// at either end: "Back Extension (45-degree)" -> "back-extension-45-degree".
std::string match_key(std::string_view name);

/// The exercises whose id, name or an alias has this key (more than one: the name is ambiguous).
std::vector<const Exercise*> exercises_matching(const Catalogue& catalogue, std::string_view name);

/// The exercise `name` names; a usage Error naming it, with the nearest id, alias or name and
/// how to list them, when there is none or more than one.
const Exercise& find_exercise(const Catalogue& catalogue, const std::string& name);

}  // namespace lbtrain::log
