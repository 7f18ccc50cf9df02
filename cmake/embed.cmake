# Turns a data file into a C++ source that returns its text: cmake -DIN= -DOUT= -DNAME= -P embed.cmake
file(READ "${IN}" content)
set(delim "lbtrain_json")
string(FIND "${content}" ")${delim}" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )${delim}")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${IN}; do not edit.\n#include \"read/embedded.hpp\"\n\nnamespace lbtrain::embedded {\nstd::string_view ${NAME}() {\n  static constexpr char text[] = R\"${delim}(${content})${delim}\";\n  return {text, sizeof(text) - 1};\n}\n}  // namespace lbtrain::embedded\n")
file(RENAME "${OUT}.tmp" "${OUT}")
