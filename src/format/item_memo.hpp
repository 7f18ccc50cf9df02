#pragma once
// Each distinct item of a plan rendered once: a week's prescription is the same on every day it
// is trained, so the JSON, the sheet and the HTML keep what they made of an item and give it
// again for an equal one (issue 27: a 52-week plan has 5,044 items, 988 distinct).

#include "lbtrain/model/plan.hpp"

#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lbtrain::format {

/// What a format made of each distinct item (`T`: its bytes, or its lines), told apart by
/// `variant` where one item is rendered two ways (a check-list line, or a main item).
template <typename T>
class ItemMemo {
 public:
  /// The rendering of an item equal to `item` in the same variant, or `make()`'s, kept.
  template <typename Make>
  const T& get(const Prescription& item, bool variant, Make&& make) {
    auto& list = by_exercise_[item.exercise.id];
    for (const auto& entry : list) {
      if (entry.variant == variant && *entry.item == item) return entry.value;
    }
    list.push_back(Entry{&item, variant, make()});
    return list.back().value;
  }
  /// Forgets every item (a new week: the last week's items do not come again).
  void clear() { by_exercise_.clear(); }

 private:
  struct Entry {
    const Prescription* item;
    bool variant;
    T value;
  };
  std::unordered_map<std::string_view, std::vector<Entry>> by_exercise_;
};

}  // namespace lbtrain::format
