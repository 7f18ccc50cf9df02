#pragma once
/// Compact storage for what an exercise says: vocabulary words (categories, patterns, levels,
/// muscles, equipment, tags) as 2-byte ids into one table of the process's words, and an
/// exercise's sentences (cues, safety cues, aliases) in one allocation. A catalogue of 87,300
/// exercises then takes about as much memory as its file (BENCHMARKS.md).
///
/// Both read as what they hold: a Word converts to `const std::string&` and compares with text;
/// a WordList iterates Words, a TextList std::string_views, and both convert to a
/// std::vector<std::string> (a copy: hot paths iterate instead).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain {

/// A word, interned: equal words have equal ids. The table only grows, up to 65,535 different
/// words a process (more is a data Error: no catalogue has that many tags). Not thread-safe;
/// lbtrain reads its data on one thread.
class Word {
 public:
  Word() = default;  ///< the empty word
  explicit Word(std::string_view text);

  const std::string& str() const;
  operator const std::string&() const { return str(); }  // NOLINT: reads as the word
  bool empty() const { return id_ == 0; }
  std::uint16_t id() const { return id_; }
  static Word from_id(std::uint16_t id);

  friend bool operator==(Word a, Word b) { return a.id_ == b.id_; }
  friend bool operator==(Word a, std::string_view b) { return a.str() == b; }
  /// Alphabetical, as the strings they stand for.
  friend bool operator<(Word a, Word b) { return a.str() < b.str(); }

 private:
  std::uint16_t id_ = 0;
};

/// nlohmann/json writes a Word as its string (found by argument-dependent lookup).
template <typename Json>
void to_json(Json& out, Word word) {
  out = word.str();
}

/// A short list of words, in order. Up to seven are held inline (no allocation).
class WordList {
 public:
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Word;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Word;
    iterator() = default;
    explicit iterator(const char16_t* at) : at_(at) {}
    Word operator*() const { return Word::from_id(static_cast<std::uint16_t>(*at_)); }
    Word operator[](difference_type n) const { return *(*this + n); }
    iterator& operator++() { ++at_; return *this; }
    iterator operator++(int) { iterator before = *this; ++at_; return before; }
    iterator& operator--() { --at_; return *this; }
    iterator operator--(int) { iterator before = *this; --at_; return before; }
    iterator& operator+=(difference_type n) { at_ += n; return *this; }
    iterator& operator-=(difference_type n) { at_ -= n; return *this; }
    friend iterator operator+(iterator i, difference_type n) { return i += n; }
    friend iterator operator+(difference_type n, iterator i) { return i += n; }
    friend iterator operator-(iterator i, difference_type n) { return i -= n; }
    friend difference_type operator-(iterator a, iterator b) { return a.at_ - b.at_; }
    friend bool operator==(iterator a, iterator b) { return a.at_ == b.at_; }
    friend auto operator<=>(iterator a, iterator b) { return a.at_ <=> b.at_; }

   private:
    const char16_t* at_ = nullptr;
  };
  using const_iterator = iterator;
  using value_type = Word;

  WordList() = default;
  WordList(std::initializer_list<std::string_view> words);
  WordList(const std::vector<std::string>& words);  // NOLINT: a list of words reads as one
  WordList(const std::vector<Word>& words);         // NOLINT

  iterator begin() const { return iterator(ids_.data()); }
  iterator end() const { return iterator(ids_.data() + ids_.size()); }
  std::size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }
  Word front() const { return *begin(); }
  Word operator[](std::size_t i) const { return Word::from_id(static_cast<std::uint16_t>(ids_[i])); }
  bool contains(std::string_view word) const;
  void push_back(Word word) { ids_.push_back(static_cast<char16_t>(word.id())); }
  /// The words as strings; also implicitly, for code written when they were strings.
  std::vector<std::string> strings() const;
  operator std::vector<std::string>() const { return strings(); }  // NOLINT

  friend bool operator==(const WordList& a, const WordList& b) { return a.ids_ == b.ids_; }
  friend bool operator==(const WordList& a, const std::vector<std::string>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](Word w, const std::string& s) { return w == s; });
  }

 private:
  std::u16string ids_;  // one id a char16_t: the string's own buffer holds seven inline
};

template <typename Json>
void to_json(Json& out, const WordList& words) {
  out = words.strings();
}

/// Sentences in one allocation: each as its length, then its bytes.
class TextList {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;
    iterator() = default;
    explicit iterator(const char* at) : at_(at) {}
    std::string_view operator*() const;
    iterator& operator++() { at_ += sizeof(std::uint32_t) + (**this).size(); return *this; }
    iterator operator++(int) { iterator before = *this; ++*this; return before; }
    friend bool operator==(iterator a, iterator b) { return a.at_ == b.at_; }

   private:
    const char* at_ = nullptr;
  };
  using const_iterator = iterator;
  using value_type = std::string_view;

  TextList() = default;
  TextList(std::initializer_list<std::string_view> texts);
  TextList(const std::vector<std::string>& texts);  // NOLINT: a list of texts reads as one
  TextList(const TextList& other);
  TextList& operator=(const TextList& other);
  TextList(TextList&&) noexcept = default;
  TextList& operator=(TextList&&) noexcept = default;
  ~TextList() = default;

  iterator begin() const { return iterator(data_.get()); }
  iterator end() const { return iterator(data_.get() + bytes_); }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  std::string_view front() const { return *begin(); }
  /// The i-th text (found by walking the list: for tests and short lists).
  std::string_view operator[](std::size_t i) const;
  /// The texts as strings; also implicitly, for code written when they were strings.
  std::vector<std::string> strings() const;
  operator std::vector<std::string>() const { return strings(); }  // NOLINT

  friend bool operator==(const TextList& a, const TextList& b) {
    return a.count_ == b.count_ && std::equal(a.data_.get(), a.data_.get() + a.bytes_, b.data_.get(), b.data_.get() + b.bytes_);
  }

 private:
  template <typename Range>
  void assign(const Range& texts);
  std::unique_ptr<char[]> data_;
  std::uint32_t bytes_ = 0;
  std::uint32_t count_ = 0;
};

template <typename Json>
void to_json(Json& out, const TextList& texts) {
  out = texts.strings();
}

}  // namespace lbtrain
