#pragma once
// JSON as a stream of events: the elements of a document's one big array (a catalogue's
// exercises) arrive one at a time as small values, so a 90 MB file never becomes a 90 MB tree.
// Syntax errors, duplicate keys, nesting too deep and anything after the document fail with
// FILE:LINE:COLUMN.

#include "read/byte_source.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>

namespace lbtrain {

/// What the top of the document is.
enum class JsonTop { object, array, scalar };

/// Callbacks of stream_json. `items_key` names the top-level member whose array elements are
/// streamed ("exercises"); when the document itself is an array its elements are streamed.
struct JsonStreamHandler {
  std::string items_key;
  /// The document's top-level value opened (an object or an array).
  std::function<void(JsonTop top)> opened;
  /// The array under `items_key` opened.
  std::function<void()> items_opened;
  /// A top-level member other than the streamed array, whole.
  std::function<void(const std::string& key, nlohmann::json&& value)> member;
  /// One element of the streamed array, with its index and byte range in the source.
  std::function<void(std::size_t index, nlohmann::json&& item, std::size_t begin, std::size_t end)> item;
};

/// Nesting deeper than this is refused by every reader: no exercise, goal or answer needs it,
/// and a value a million deep would overflow the stack of anything that walks it.
inline constexpr int max_json_depth = 256;

/// Thrown by stream_json when RapidJSON refused a document that nlohmann's parser reads: a
/// number such as 0e400 or 0.001e310, whose written exponent is over 308 though its value is in
/// range (RapidJSON refuses it as "too big"). The handler has seen part of the document; the
/// caller starts over with fresh state and reads it again with stream_json_nlohmann.
struct JsonReadAgain {};

/// Parses a document from `source`, calling the handler as values complete; on a syntax
/// error or a duplicate key throws a data Error "ORIGIN:LINE:COLUMN: invalid JSON: ...".
/// Tokenized by RapidJSON's SAX reader (about three times as fast as nlohmann's, see
/// BENCHMARKS.md); a syntax error is explained by nlohmann's parser, in its words, so the
/// two always agree (see JsonReadAgain for the one document RapidJSON alone refuses).
JsonTop stream_json(ByteSource& source, JsonStreamHandler& handler);

/// The same, tokenized by nlohmann's SAX parser alone: for the micro-benchmarks and the fuzz
/// target, which hold the two to the same results.
JsonTop stream_json_nlohmann(ByteSource& source, JsonStreamHandler& handler);

}  // namespace lbtrain
