#include "data/image_parts.hpp"

#include "data/image.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace lbtrain::builtin {

namespace {

template <typename T>
std::string image_of(const T& value) {
  ImageWriter writer;
  writer.write(value);
  return writer.bytes();
}

}  // namespace

std::string make_image(const Vocabulary& vocabulary, const Catalogue& catalogue, const Rules& rules) {
  ImageWriter writer;
  for (const auto& part : {image_of(vocabulary), image_of(catalogue), image_of(rules)}) writer.write(part);
  return writer.bytes();
}

ImageParts split_image(std::string_view image) {
  // Each part was written as a string: a size and its bytes.
  auto next = [&image] {
    std::uint32_t size = 0;
    if (image.size() < sizeof size) throw std::out_of_range("the built-in data image ends early");
    std::memcpy(&size, image.data(), sizeof size);
    image.remove_prefix(sizeof size);
    if (image.size() < size) throw std::out_of_range("the built-in data image ends early");
    std::string_view part = image.substr(0, size);
    image.remove_prefix(size);
    return part;
  };
  ImageParts parts;
  parts.vocabulary = next();
  parts.catalogue = next();
  parts.rules = next();
  return parts;
}

}  // namespace lbtrain::builtin
