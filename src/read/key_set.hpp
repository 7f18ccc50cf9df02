#pragma once
// The keys of one open JSON object, to refuse a key given twice. Objects in lbtrain's files
// have a handful of keys, which a scan finds fastest; past `small` keys a hash set takes
// over, so an object with 40,000 keys is checked in linear time, not quadratic.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace lbtrain {

class KeySet {
 public:
  /// Adds `key`; false when the object already has it.
  bool insert(std::string_view key) {
    if (large_.empty()) {
      for (const auto& seen : small_) {
        if (seen == key) return false;
      }
      small_.emplace_back(key);
      if (small_.size() > small) {
        large_.insert(std::make_move_iterator(small_.begin()), std::make_move_iterator(small_.end()));
        small_.clear();
      }
      return true;
    }
    return large_.emplace(key).second;
  }

  static constexpr std::size_t small = 16;

 private:
  std::vector<std::string> small_;
  std::unordered_set<std::string> large_;
};

}  // namespace lbtrain
