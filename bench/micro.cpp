// Micro-benchmarks of lbtrain's stages (Google Benchmark): loading the built-in data and a
// large catalogue, selecting, planning, and each formatter. Run by bench/run; figures in
// BENCHMARKS.md.

#include "lbtrain/read.hpp"
#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/data.hpp"
#include "data/image.hpp"
#include "data/image_parts.hpp"
#include "read/embedded.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/plan.hpp"
#include "lbtrain/screen.hpp"
#include "lbtrain/model/rules.hpp"
#include "lbtrain/select.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>
#include <string>
#include <variant>

using namespace lbtrain;

namespace {

PlanOptions lockout_options() {
  PlanOptions options;
  options.goals = {"lockout"};
  options.weeks = "4";
  options.format = "json";
  return options;
}

PlanOptions big_options() {
  PlanOptions options;
  options.goals = {"lockout", "lordosis", "general"};  // lordosis and kyphosis cannot be combined
  options.weeks = "52";
  options.days = "7";
  return options;
}

const DataSet& data() {
  static const DataSet loaded = load_data_set({}, {});
  return loaded;
}

Request request_for(const PlanOptions& options) { return resolve_request(options, resolve_output(options), data()); }

/// Who takes part, as screening decides (the benchmarks' requests are never refused).
Screened screened(const Request& request) { return std::get<Screened>(screen(request, data())); }

// The built-in data as JSON (what start-up parsed before issue 18) and from the compiled-in
// image (what it reads now).
void parse_vocabulary_json(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_vocabulary(embedded::vocabulary(), "v"));
}
BENCHMARK(parse_vocabulary_json);

void parse_builtin_catalogue_json(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_catalogue(embedded::exercises(), "c", builtin_vocabulary()));
}
BENCHMARK(parse_builtin_catalogue_json);

void parse_builtin_rules_json(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_rules(embedded::goals(), "r", builtin_vocabulary()));
}
BENCHMARK(parse_builtin_rules_json);

template <typename T>
void read_image(benchmark::State& state, std::string_view builtin::ImageParts::*part) {
  auto parts = builtin::split_image(builtin::compiled_image());
  for (auto _ : state) {
    builtin::ImageReader reader(parts.*part);
    benchmark::DoNotOptimize(reader.read<T>());
  }
}
void read_vocabulary_image(benchmark::State& state) { read_image<Vocabulary>(state, &builtin::ImageParts::vocabulary); }
BENCHMARK(read_vocabulary_image);
void read_builtin_catalogue_image(benchmark::State& state) { read_image<Catalogue>(state, &builtin::ImageParts::catalogue); }
BENCHMARK(read_builtin_catalogue_image);
void read_builtin_rules_image(benchmark::State& state) { read_image<Rules>(state, &builtin::ImageParts::rules); }
BENCHMARK(read_builtin_rules_image);

void copy_builtin_data(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(load_data_set({}, {}));
}
BENCHMARK(copy_builtin_data);

void load_free_exercise_db(benchmark::State& state) {
  const char* path = std::getenv("LBTRAIN_BENCH_FEDB");
  if (!path) {
    state.SkipWithError("set LBTRAIN_BENCH_FEDB to free-exercise-db's exercises.json");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(load_catalogue_file(path, builtin_vocabulary()));
}
BENCHMARK(load_free_exercise_db)->Unit(benchmark::kMillisecond);

void resolve(benchmark::State& state) {
  auto options = lockout_options();
  auto output = resolve_output(options);
  for (auto _ : state) benchmark::DoNotOptimize(resolve_request(options, output, data()));
}
BENCHMARK(resolve);

void select(benchmark::State& state) {
  Request request = request_for(lockout_options());
  const Screened allowed = screened(request);
  for (auto _ : state) benchmark::DoNotOptimize(select_exercises(data(), request, allowed));
}
BENCHMARK(select);

void plan_lockout_4_weeks(benchmark::State& state) {
  Request request = request_for(lockout_options());
  const Screened allowed = screened(request);
  Selection selection = select_exercises(data(), request, allowed);
  for (auto _ : state) benchmark::DoNotOptimize(build_plan(data(), request, allowed, selection));
}
BENCHMARK(plan_lockout_4_weeks);

void plan_all_goals_52_weeks(benchmark::State& state) {
  Request request = request_for(big_options());
  const Screened allowed = screened(request);
  Selection selection = select_exercises(data(), request, allowed);
  for (auto _ : state) benchmark::DoNotOptimize(build_plan(data(), request, allowed, selection));
}
BENCHMARK(plan_all_goals_52_weeks)->Unit(benchmark::kMicrosecond);

const Plan& lockout_plan() {
  static const Plan plan = [] {
    Request request = request_for(lockout_options());
    const Screened allowed = screened(request);
    return build_plan(data(), request, allowed, select_exercises(data(), request, allowed));
  }();
  return plan;
}

void format_as_text(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(format_text(lockout_plan(), TextStyle{}));
}
BENCHMARK(format_as_text);
void format_as_json(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(format_json(lockout_plan(), false));
}
BENCHMARK(format_as_json);
void format_as_sheet(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(format_sheet(lockout_plan()));
}
BENCHMARK(format_as_sheet);
void format_as_markdown(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(format_markdown(lockout_plan()));
}
BENCHMARK(format_as_markdown);
void format_as_csv(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(format_csv(lockout_plan()));
}
BENCHMARK(format_as_csv);
void format_as_html(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(format_html(lockout_plan()));
}
BENCHMARK(format_as_html);
void format_as_ics(benchmark::State& state) {
  static const Plan plan = [] {
    auto options = lockout_options();
    options.start = "2026-11-23";
    Request request = request_for(options);
    const Screened allowed = screened(request);
    return build_plan(data(), request, allowed, select_exercises(data(), request, allowed));
  }();
  for (auto _ : state) benchmark::DoNotOptimize(format_ics(plan));
}
BENCHMARK(format_as_ics);

// The 52-week, 7-day plan for three goals (bench/run's big plans), each format as a whole.
const Plan& big_plan() {
  static const Plan plan = [] {
    auto options = big_options();
    options.start = "2026-01-05";
    Request request = request_for(options);
    const Screened allowed = screened(request);
    return build_plan(data(), request, allowed, select_exercises(data(), request, allowed));
  }();
  return plan;
}
/// Each format of the big plan written into a sink over /dev/null, as `lbtrain plan` streams it.
template <typename Write>
void stream_to_null(benchmark::State& state, Write write) {
  const int fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  for (auto _ : state) {
    FdSink sink(fd, "/dev/null");
    write(big_plan(), sink);
    sink.finish();
  }
  ::close(fd);
}
void stream_big_json(benchmark::State& state) {
  stream_to_null(state, [](const Plan& plan, Sink& sink) { write_json(plan, false, sink); });
}
BENCHMARK(stream_big_json)->Unit(benchmark::kMicrosecond);
void stream_big_text(benchmark::State& state) {
  stream_to_null(state, [](const Plan& plan, Sink& sink) { write_text(plan, TextStyle{}, sink); });
}
BENCHMARK(stream_big_text)->Unit(benchmark::kMicrosecond);
void stream_big_sheet(benchmark::State& state) {
  stream_to_null(state, [](const Plan& plan, Sink& sink) { write_sheet(plan, sink); });
}
BENCHMARK(stream_big_sheet)->Unit(benchmark::kMicrosecond);
void stream_big_html(benchmark::State& state) {
  stream_to_null(state, [](const Plan& plan, Sink& sink) { write_html(plan, sink); });
}
BENCHMARK(stream_big_html)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
