#include "lbtrain/model/words.hpp"

#include "lbtrain/model/error.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <iterator>
#include <limits>
#include <unordered_map>

namespace lbtrain {

namespace {

/// The process's words: id 0 is the empty word. A deque keeps each string where it is, so the
/// index can key on views of them.
struct WordTable {
  std::deque<std::string> words{std::string()};
  std::unordered_map<std::string_view, std::uint16_t> ids{{std::string_view(), 0}};
};

WordTable& table() {
  static WordTable words;
  return words;
}

}  // namespace

Word::Word(std::string_view text) {
  WordTable& t = table();
  if (auto it = t.ids.find(text); it != t.ids.end()) {
    id_ = it->second;
    return;
  }
  if (t.words.size() > std::numeric_limits<std::uint16_t>::max()) {
    data_error("more than 65,535 different words (tags, muscles, equipment...) in one run");
  }
  id_ = static_cast<std::uint16_t>(t.words.size());
  t.words.emplace_back(text);
  t.ids.emplace(t.words.back(), id_);
}

const std::string& Word::str() const { return table().words[id_]; }

Word Word::from_id(std::uint16_t id) {
  Word word;
  word.id_ = id;
  return word;
}

WordList::WordList(std::initializer_list<std::string_view> words) {
  for (auto word : words) push_back(Word(word));
}

WordList::WordList(const std::vector<std::string>& words) {
  ids_.reserve(words.size());
  for (const auto& word : words) push_back(Word(word));
}

WordList::WordList(const std::vector<Word>& words) {
  ids_.reserve(words.size());
  for (Word word : words) push_back(word);
}

bool WordList::contains(std::string_view word) const {
  return std::any_of(begin(), end(), [word](Word w) { return w == word; });
}

std::vector<std::string> WordList::strings() const { return std::vector<std::string>(begin(), end()); }

std::string_view TextList::iterator::operator*() const {
  std::uint32_t size = 0;
  std::memcpy(&size, at_, sizeof size);
  return {at_ + sizeof size, size};
}

template <typename Range>
void TextList::assign(const Range& texts) {
  std::size_t bytes = 0;
  std::size_t count = 0;
  for (std::string_view text : texts) {
    bytes += sizeof(std::uint32_t) + text.size();
    ++count;
  }
  if (bytes > std::numeric_limits<std::uint32_t>::max()) data_error("a list of texts over 4 GB");
  data_.reset(bytes > 0 ? new char[bytes] : nullptr);
  char* at = data_.get();
  for (std::string_view text : texts) {
    auto size = static_cast<std::uint32_t>(text.size());
    std::memcpy(at, &size, sizeof size);
    if (size > 0) std::memcpy(at + sizeof size, text.data(), size);
    at += sizeof size + size;
  }
  bytes_ = static_cast<std::uint32_t>(bytes);
  count_ = static_cast<std::uint32_t>(count);
}

TextList::TextList(std::initializer_list<std::string_view> texts) { assign(texts); }

TextList::TextList(const std::vector<std::string>& texts) { assign(texts); }

TextList::TextList(const TextList& other) { *this = other; }

TextList& TextList::operator=(const TextList& other) {
  if (this == &other) return *this;
  data_.reset(other.bytes_ > 0 ? new char[other.bytes_] : nullptr);
  if (other.bytes_ > 0) std::memcpy(data_.get(), other.data_.get(), other.bytes_);
  bytes_ = other.bytes_;
  count_ = other.count_;
  return *this;
}

std::string_view TextList::operator[](std::size_t i) const {
  auto it = begin();
  std::advance(it, static_cast<std::ptrdiff_t>(i));
  return *it;
}

std::vector<std::string> TextList::strings() const { return std::vector<std::string>(begin(), end()); }

}  // namespace lbtrain
