#pragma once
// The built-in data as a binary image: written at build time by lbtrain_bake from data/*.json,
// once the project's own readers have validated them, and read at start-up without parsing
// any JSON. Every struct is written member by member (fields.hpp), so the image holds exactly
// what the readers made; reading it back builds the same values.
//
// The layout: a size (4 bytes) and then the elements for strings and containers, a byte for an
// optional's presence, numbers as they are in memory. The image is compiled into the binary it
// was built for, so it is never read on another machine or by another version.

#include "data/fields.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace lbtrain::builtin {

template <typename T> struct is_vector : std::false_type {};
template <typename T> struct is_vector<std::vector<T>> : std::true_type {};
template <typename T> struct is_optional : std::false_type {};
template <typename T> struct is_optional<std::optional<T>> : std::true_type {};
template <typename T> struct is_map : std::false_type {};
template <typename K, typename V> struct is_map<std::map<K, V>> : std::true_type {};
template <typename T> struct is_pair : std::false_type {};
template <typename A, typename B> struct is_pair<std::pair<A, B>> : std::true_type {};
template <typename T> struct is_array : std::false_type {};
template <typename T, std::size_t N> struct is_array<std::array<T, N>> : std::true_type {};

class ImageWriter {
 public:
  template <typename T>
  void write(const T& value) {
    if constexpr (std::is_arithmetic_v<T>) {
      out_.append(reinterpret_cast<const char*>(&value), sizeof value);
    } else if constexpr (std::is_enum_v<T>) {
      write(static_cast<std::underlying_type_t<T>>(value));
    } else if constexpr (std::is_same_v<T, std::string>) {
      text(value);
    } else if constexpr (std::is_same_v<T, Word>) {
      text(value.str());
    } else if constexpr (std::is_same_v<T, WordList>) {
      count(value.size());
      for (Word word : value) text(word.str());
    } else if constexpr (std::is_same_v<T, TextList>) {
      count(value.size());
      for (std::string_view sentence : value) text(sentence);
    } else if constexpr (is_optional<T>::value) {
      write(value.has_value());
      if (value) write(*value);
    } else if constexpr (is_pair<T>::value) {
      write(value.first);
      write(value.second);
    } else if constexpr (is_vector<T>::value || is_map<T>::value) {
      count(value.size());
      for (const auto& element : value) write(element);
    } else if constexpr (is_array<T>::value) {
      for (const auto& element : value) write(element);
    } else {
      for_each_field(value, [&](const auto&... member) { (write(member), ...); });
    }
  }

  const std::string& bytes() const { return out_; }

 private:
  void count(std::size_t n) {
    if (n > UINT32_MAX) throw std::length_error("too large for the built-in image");
    write(static_cast<std::uint32_t>(n));
  }
  void text(std::string_view s) {
    count(s.size());
    out_.append(s);
  }
  std::string out_;
};

/// Reads what ImageWriter wrote, in the same order. A read past the end (an image that does not
/// match this build's structs, which the build prevents) throws std::out_of_range.
class ImageReader {
 public:
  explicit ImageReader(std::string_view bytes) : bytes_(bytes) {}

  template <typename T>
  void read(T& value) {
    if constexpr (std::is_arithmetic_v<T>) {
      std::memcpy(&value, take(sizeof value), sizeof value);
    } else if constexpr (std::is_enum_v<T>) {
      std::underlying_type_t<T> raw{};
      read(raw);
      value = static_cast<T>(raw);
    } else if constexpr (std::is_same_v<T, std::string>) {
      value = text();
    } else if constexpr (std::is_same_v<T, Word>) {
      value = Word(text());
    } else if constexpr (std::is_same_v<T, WordList>) {
      value = WordList();
      for (std::uint32_t n = count(); n > 0; --n) value.push_back(Word(text()));
    } else if constexpr (std::is_same_v<T, TextList>) {
      std::vector<std::string> texts(count());
      for (auto& t : texts) t = text();
      value = TextList(texts);
    } else if constexpr (is_optional<T>::value) {
      bool present = false;
      read(present);
      if (present) read(value.emplace());
      else value.reset();
    } else if constexpr (is_pair<T>::value) {
      read(value.first);
      read(value.second);
    } else if constexpr (is_vector<T>::value) {
      value.clear();
      value.resize(count());
      for (auto& element : value) read(element);
    } else if constexpr (is_map<T>::value) {
      value.clear();
      for (std::uint32_t n = count(); n > 0; --n) {
        typename T::key_type key{};
        read(key);
        read(value.emplace_hint(value.end(), std::move(key), typename T::mapped_type{})->second);
      }
    } else if constexpr (is_array<T>::value) {
      for (auto& element : value) read(element);
    } else {
      for_each_field(value, [&](auto&... member) { (read(member), ...); });
    }
  }

  template <typename T>
  T read() {
    T value{};
    read(value);
    return value;
  }

  bool at_end() const { return at_ == bytes_.size(); }

 private:
  const char* take(std::size_t n) {
    if (n > bytes_.size() - at_) throw std::out_of_range("the built-in data image ends early");
    const char* here = bytes_.data() + at_;
    at_ += n;
    return here;
  }
  std::uint32_t count() {
    std::uint32_t n = 0;
    read(n);
    return n;
  }
  std::string_view text() {
    std::uint32_t n = count();
    return {take(n), n};
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace lbtrain::builtin
