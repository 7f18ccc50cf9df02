// The built-in vocabulary, catalogue and rules, read from the image compiled into the binary
// (builtin/image.hpp): no JSON is parsed at start-up. Each part is read at most once a process,
// when first asked for: --version and --help ask for none of them.

#include "data/image.hpp"
#include "data/image_parts.hpp"
#include "lbtrain/data.hpp"

namespace lbtrain {

namespace {

template <typename T>
T read_part(std::string_view part) {
  builtin::ImageReader reader(part);
  T value = reader.read<T>();
  if (!reader.at_end()) throw std::out_of_range("the built-in data image has bytes left over");
  return value;
}

const builtin::ImageParts& parts() {
  static const builtin::ImageParts split = builtin::split_image(builtin::compiled_image());
  return split;
}

}  // namespace

const Vocabulary& builtin_vocabulary() {
  static const Vocabulary vocabulary = read_part<Vocabulary>(parts().vocabulary);
  return vocabulary;
}

const Catalogue& builtin_catalogue() {
  static const Catalogue catalogue = read_part<Catalogue>(parts().catalogue);
  return catalogue;
}

const Rules& builtin_rules() {
  static const Rules rules = read_part<Rules>(parts().rules);
  return rules;
}

}  // namespace lbtrain
