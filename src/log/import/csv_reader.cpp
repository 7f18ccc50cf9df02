#include "log/import/csv_reader.hpp"

#include "lbtrain/model/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain::log {

CsvReader::CsvReader(std::string_view text, std::string origin, char delimiter)
    : owned_(ByteSource::from_text(text, std::move(origin))), source_(&*owned_), delimiter_(delimiter) {
  skip_byte_order_mark();
}

CsvReader::CsvReader(ByteSource& source, char delimiter) : source_(&source), delimiter_(delimiter) {
  skip_byte_order_mark();
}

void CsvReader::skip_byte_order_mark() {
  auto& w = source_->window();
  if (w.data && std::string_view(w.data + w.pos, w.len - w.pos).substr(0, 3) == "\xEF\xBB\xBF") w.pos += 3;
}

char CsvReader::detect_delimiter(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  bool semicolons = first.find(';') != std::string_view::npos;
  bool commas = first.find(',') != std::string_view::npos;
  return semicolons && !commas ? ';' : ',';
}

int CsvReader::peek() {
  auto& w = source_->window();
  if (w.pos >= w.len && !source_->refill()) return -1;
  return static_cast<unsigned char>(w.data[w.pos]);
}

void CsvReader::skip_line_ends() {
  for (int c = peek(); c == '\n' || c == '\r'; c = peek()) {
    if (c == '\n') ++line_;
    skip();
  }
}

bool CsvReader::done() {
  // Blank lines between records (and at the end of the file) hold nothing.
  skip_line_ends();
  return peek() < 0;
}

void CsvReader::keep(const char* data, std::size_t size) {
  if (field_bytes_ < max_field_bytes) record_.append(data, std::min(size, max_field_bytes - field_bytes_));
  field_bytes_ += size;
}

void CsvReader::end_field(std::size_t start) {
  spans_.emplace_back(start, record_.size());
  if (field_bytes_ > max_field_bytes) overlong_.emplace_back(spans_.size() - 1, field_bytes_);
  field_bytes_ = 0;
}

void CsvReader::read_plain() {
  while (true) {
    auto& w = source_->window();
    if (w.pos >= w.len && !source_->refill()) return;
    const char* begin = w.data + w.pos;
    const char* end = w.data + w.len;
    const char* p = begin;
    while (p < end && *p != delimiter_ && *p != '\r' && *p != '\n') ++p;
    keep(begin, static_cast<std::size_t>(p - begin));
    w.pos += static_cast<std::size_t>(p - begin);
    if (p < end) return;
  }
}

void CsvReader::read_quoted() {
  skip();  // the opening quote
  while (true) {
    auto& w = source_->window();
    if (w.pos >= w.len && !source_->refill()) {
      data_error(fmt::format("{}:{}: a quoted field is not closed (a \" is missing)", origin(), record_line_));
    }
    const char* begin = w.data + w.pos;
    const char* end = w.data + w.len;
    const char* p = begin;
    while (p < end && *p != '"') {
      if (*p == '\n') ++line_;
      ++p;
    }
    keep(begin, static_cast<std::size_t>(p - begin));
    w.pos += static_cast<std::size_t>(p - begin);
    if (p == end) continue;
    skip();  // a quote: "" inside the field, or its end
    if (peek() != '"') break;
    keep("\"", 1);
    skip();
  }
  int c = peek();
  if (c >= 0 && c != static_cast<unsigned char>(delimiter_) && c != '\r' && c != '\n') {
    data_error(fmt::format("{}:{}: text after the closing quote of a field (a quote inside a field is written \"\")",
                           origin(), line_));
  }
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  record_.clear();
  spans_.clear();
  overlong_.clear();
  if (done()) return false;
  record_line_ = line_;
  while (true) {
    // The record keeps a quoted field's quotes and the delimiters around its fields, so that
    // fields side by side in the file are side by side in it (log/import_fitnotes.cpp mends a
    // name split by an unquoted comma only then).
    if (peek() == '"') {
      record_ += '"';
      std::size_t start = record_.size();
      read_quoted();
      end_field(start);
      record_ += '"';
    } else {
      std::size_t start = record_.size();
      read_plain();
      end_field(start);
    }
    int c = peek();
    if (c == static_cast<unsigned char>(delimiter_)) {
      // Memory follows the data, not the file's shape: a line of commas is not a million fields.
      if (spans_.size() >= max_fields) {
        data_error(fmt::format("{}:{}: more than {} fields in one record; an export has a few dozen columns", origin(),
                               record_line_, max_fields));
      }
      record_ += delimiter_;
      skip();
      continue;
    }
    if (c == '\r') {
      skip();
      c = peek();
    }
    if (c == '\n') {
      skip();
      ++line_;
    }
    break;
  }
  for (auto [start, end] : spans_) fields.emplace_back(record_.data() + start, end - start);
  return true;
}

}  // namespace lbtrain::log
