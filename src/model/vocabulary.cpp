#include "lbtrain/model/vocabulary.hpp"


#include <algorithm>

namespace lbtrain {

int Vocabulary::level_rank(std::string_view level) const {
  auto it = std::find(levels.begin(), levels.end(), level);
  return it == levels.end() ? -1 : static_cast<int>(it - levels.begin());
}

}  // namespace lbtrain
