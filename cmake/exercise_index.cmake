# Writes the built-in catalogue's index for the training log (id, name, aliases, dose kind, per
# side) as C++, so that `lbtrain log` finds an exercise without parsing data/exercises.json at
# every start: cmake -DIN=data/exercises.json -DOUT=... -P exercise_index.cmake. A test checks
# that the index matches the parsed catalogue.
file(READ "${IN}" json)
set(delim "lbtrain_index")
string(FIND "${json}" ")${delim}" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )${delim}")
endif()
string(JSON count LENGTH "${json}" exercises)
math(EXPR last "${count} - 1")
set(rows "")
foreach(i RANGE ${last})
  string(JSON id GET "${json}" exercises ${i} id)
  string(JSON name GET "${json}" exercises ${i} name)
  string(JSON kind GET "${json}" exercises ${i} dose kind)
  string(JSON per_side ERROR_VARIABLE missing GET "${json}" exercises ${i} per_side)
  if(missing OR NOT per_side)
    set(per_side false)
  else()
    set(per_side true)
  endif()
  set(aliases "")
  string(JSON alias_count ERROR_VARIABLE missing LENGTH "${json}" exercises ${i} aliases)
  if(NOT missing AND alias_count GREATER 0)
    math(EXPR alias_last "${alias_count} - 1")
    foreach(a RANGE ${alias_last})
      string(JSON alias GET "${json}" exercises ${i} aliases ${a})
      string(APPEND aliases "R\"${delim}(${alias})${delim}\", ")
    endforeach()
  endif()
  string(APPEND rows "      {R\"${delim}(${id})${delim}\", R\"${delim}(${name})${delim}\", {${aliases}}, DoseKind::${kind}, ${per_side}},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by cmake/exercise_index.cmake; do not edit.
#include \"log/exercise_index.hpp\"

namespace lbtrain::log {
const std::vector<IndexedExercise>& builtin_exercise_index() {
  static const std::vector<IndexedExercise> index{
${rows}  };
  return index;
}
}  // namespace lbtrain::log
")
file(RENAME "${OUT}.tmp" "${OUT}")
