#include "log/csv_reader.hpp"

#include "lbtrain/error.hpp"

#include <fmt/format.h>

namespace lbtrain::logbook {

CsvReader::CsvReader(std::string_view text, std::string origin, char delimiter)
    : text_(text), origin_(std::move(origin)), delimiter_(delimiter) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

char CsvReader::detect_delimiter(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  bool semicolons = first.find(';') != std::string_view::npos;
  bool commas = first.find(',') != std::string_view::npos;
  return semicolons && !commas ? ';' : ',';
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  unquoted_.clear();
  // Blank lines between records (and at the end of the file) hold nothing.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  const std::size_t size = text_.size();
  while (true) {
    if (pos_ < size && text_[pos_] == '"') {
      std::size_t start = ++pos_;
      bool escaped = false;
      while (true) {
        if (pos_ >= size) {
          data_error(fmt::format("{}:{}: a quoted field is not closed (a \" is missing)", origin_, record_line_));
        }
        char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < size && text_[pos_ + 1] == '"') {
            escaped = true;
            pos_ += 2;
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        ++pos_;
      }
      std::string_view raw = text_.substr(start, pos_ - start);
      ++pos_;  // the closing quote
      if (escaped) {
        std::string& out = unquoted_.emplace_back();
        for (std::size_t i = 0; i < raw.size(); ++i) {
          out += raw[i];
          if (raw[i] == '"') ++i;
        }
        fields.push_back(out);
      } else {
        fields.push_back(raw);
      }
      if (pos_ < size && text_[pos_] != delimiter_ && text_[pos_] != '\r' && text_[pos_] != '\n') {
        data_error(fmt::format("{}:{}: text after the closing quote of a field (a quote inside a field is written \"\")",
                               origin_, line_));
      }
    } else {
      std::size_t start = pos_;
      while (pos_ < size && text_[pos_] != delimiter_ && text_[pos_] != '\r' && text_[pos_] != '\n') ++pos_;
      fields.push_back(text_.substr(start, pos_ - start));
    }
    if (pos_ < size && text_[pos_] == delimiter_) {
      ++pos_;
      if (fields.size() == max_fields) {
        data_error(fmt::format("{}:{}: more than {} fields on one line: not an export lbtrain reads; nothing was imported",
                               origin_, record_line_, max_fields));
      }
      continue;
    }
    if (pos_ < size && text_[pos_] == '\r') ++pos_;
    if (pos_ < size && text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

}  // namespace lbtrain::logbook
