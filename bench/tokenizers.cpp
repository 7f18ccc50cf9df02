// Micro-benchmarks of the JSON tokenizers a catalogue could be read with, on free-exercise-db
// (LBTRAIN_BENCH_FEDB, as bench/run sets it): each reads every token of the file held in memory
// and does nothing with it, so the figures are the tokenizers' own cost. Then lbtrain's event
// layer (stream_json) over each, which also builds each exercise as a small value.
// Why RapidJSON was chosen: BENCHMARKS.md.

#include "read/byte_source.hpp"
#include "read/json_events.hpp"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <rapidjson/reader.h>
#ifdef LBTRAIN_BENCH_SIMDJSON
#include <simdjson.h>
#endif

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace lbtrain;

namespace {

const std::string* fedb_text(benchmark::State& state) {
  static const std::string text = [] {
    const char* path = std::getenv("LBTRAIN_BENCH_FEDB");
    return path ? read_data_file(path, max_data_file_bytes) : std::string();
  }();
  if (text.empty()) {
    state.SkipWithError("set LBTRAIN_BENCH_FEDB to free-exercise-db's exercises.json");
    return nullptr;
  }
  return &text;
}

/// Counts nlohmann's SAX events.
struct NlohmannCounter : nlohmann::json_sax<nlohmann::json> {
  std::size_t events = 0;
  bool null() override { return ++events; }
  bool boolean(bool) override { return ++events; }
  bool number_integer(number_integer_t) override { return ++events; }
  bool number_unsigned(number_unsigned_t) override { return ++events; }
  bool number_float(number_float_t, const string_t&) override { return ++events; }
  bool string(string_t&) override { return ++events; }
  bool binary(binary_t&) override { return ++events; }
  bool start_object(std::size_t) override { return ++events; }
  bool key(string_t&) override { return ++events; }
  bool end_object() override { return ++events; }
  bool start_array(std::size_t) override { return ++events; }
  bool end_array() override { return ++events; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

void tokenize_nlohmann_sax(benchmark::State& state) {
  const std::string* text = fedb_text(state);
  if (!text) return;
  for (auto _ : state) {
    NlohmannCounter counter;
    nlohmann::json::sax_parse(*text, &counter);
    benchmark::DoNotOptimize(counter.events);
    state.counters["events"] = static_cast<double>(counter.events);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text->size()));
}
BENCHMARK(tokenize_nlohmann_sax)->Unit(benchmark::kMillisecond);

/// Counts RapidJSON's SAX events.
struct RapidCounter : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RapidCounter> {
  std::size_t events = 0;
  bool Default() { return ++events; }
};

void tokenize_rapidjson_sax(benchmark::State& state) {
  const std::string* text = fedb_text(state);
  if (!text) return;
  for (auto _ : state) {
    RapidCounter counter;
    rapidjson::StringStream stream(text->c_str());
    rapidjson::Reader reader;
    reader.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseFullPrecisionFlag>(stream, counter);
    benchmark::DoNotOptimize(counter.events);
    state.counters["events"] = static_cast<double>(counter.events);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text->size()));
}
BENCHMARK(tokenize_rapidjson_sax)->Unit(benchmark::kMillisecond);

#ifdef LBTRAIN_BENCH_SIMDJSON
/// Visits every value, as the on-demand API only parses what it is asked for.
std::size_t visit(simdjson::ondemand::value value) {
  std::size_t events = 1;
  switch (value.type()) {
    case simdjson::ondemand::json_type::object:
      for (auto field : value.get_object()) events += 1 + visit(field.value());
      break;
    case simdjson::ondemand::json_type::array:
      for (auto element : value.get_array()) events += visit(element.value());
      break;
    case simdjson::ondemand::json_type::string:
      events += value.get_string().value().size() > 0;
      break;
    default:
      events += value.raw_json_token().size() > 0;
      break;
  }
  return events;
}

void tokenize_simdjson_ondemand(benchmark::State& state) {
  const std::string* text = fedb_text(state);
  if (!text) return;
  // On-demand needs the whole document in memory with SIMDJSON_PADDING bytes after it.
  simdjson::padded_string padded(*text);
  simdjson::ondemand::parser parser;
  for (auto _ : state) {
    auto document = parser.iterate(padded);
    std::size_t events = visit(document.get_value());
    benchmark::DoNotOptimize(events);
    state.counters["events"] = static_cast<double>(events);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text->size()));
}
BENCHMARK(tokenize_simdjson_ondemand)->Unit(benchmark::kMillisecond);
#endif

/// lbtrain's event layer: the exercises arrive one at a time as small values.
template <JsonTop (*Stream)(ByteSource&, JsonStreamHandler&)>
void stream_events(benchmark::State& state) {
  const std::string* text = fedb_text(state);
  if (!text) return;
  for (auto _ : state) {
    std::size_t items = 0;
    JsonStreamHandler handler;
    handler.item = [&items](std::size_t, nlohmann::json&&, std::size_t, std::size_t) { ++items; };
    ByteSource source = ByteSource::from_text(*text, "fedb");
    Stream(source, handler);
    benchmark::DoNotOptimize(items);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text->size()));
}
BENCHMARK(stream_events<stream_json_nlohmann>)->Name("stream_json_over_nlohmann")->Unit(benchmark::kMillisecond);
BENCHMARK(stream_events<stream_json>)->Name("stream_json_over_rapidjson")->Unit(benchmark::kMillisecond);

}  // namespace
