#pragma once
// The built-in data image (image.hpp) as three parts, the vocabulary, the catalogue and the
// rules, each a size and its bytes, so each is read only when a command needs it.

#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/rules.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include <string>
#include <string_view>

namespace lbtrain::builtin {

/// The image of these data, as lbtrain_bake writes it.
std::string make_image(const Vocabulary& vocabulary, const Catalogue& catalogue, const Rules& rules);

/// Where each part lies in an image.
struct ImageParts {
  std::string_view vocabulary;
  std::string_view catalogue;
  std::string_view rules;
};
ImageParts split_image(std::string_view image);

/// The image compiled into this binary (generated at build time: builtin_image.cpp).
std::string_view compiled_image();

}  // namespace lbtrain::builtin
