// The built-in data image (src/data/): what lbtrain reads at start-up instead of parsing
// data/*.json must be exactly what the JSON readers make of those files, and the build step
// that writes it must refuse a bad file with its line and column.
#include "lbtrain/read.hpp"
#include "support/helpers.hpp"

#include "data/image.hpp"
#include "data/image_parts.hpp"
#include "lbtrain/data.hpp"
#include "read/embedded.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace lbtrain;
using namespace lbtrain::test;

namespace {

/// The image the JSON readers make of the shipped files, named as the build names them.
std::string image_from_json() {
  Vocabulary vocabulary = parse_vocabulary(embedded::vocabulary(), "vocabulary.json");
  Catalogue catalogue = parse_catalogue(embedded::exercises(), "builtin exercises.json", vocabulary);
  Rules rules = parse_rules(embedded::goals(), "builtin goals.json", vocabulary);
  return builtin::make_image(vocabulary, catalogue, rules);
}

template <typename T>
std::string rewritten(std::string_view part) {
  builtin::ImageReader reader(part);
  T value = reader.read<T>();
  CHECK(reader.at_end());
  builtin::ImageWriter writer;
  writer.write(value);
  return writer.bytes();
}

std::string bake(const std::string& dir, const std::string& goals_text) {
  std::string source = LBTRAIN_SOURCE_DIR "/data/";
  write_file(dir + "/goals.json", goals_text);
  auto run = run_program(LBTRAIN_BUILD_DIR "/lbtrain_bake",
                         {source + "vocabulary.json", source + "exercises.json", dir + "/goals.json", dir + "/image.cpp"});
  return std::to_string(run.exit_code) + "\n" + run.err;
}

}  // namespace

TEST_CASE("the compiled-in image is what the JSON readers make of data/*.json", "[builtin]") {
  // Built from the same files by the same readers: a stale or lossy image differs here.
  CHECK(builtin::compiled_image() == image_from_json());
}

TEST_CASE("reading the image back and writing it again gives the same bytes", "[builtin]") {
  // Every member is written (fields.hpp fails to compile otherwise); this checks that every
  // member written is also read back, in the same order.
  auto parts = builtin::split_image(builtin::compiled_image());
  CHECK(rewritten<Vocabulary>(parts.vocabulary) == std::string(parts.vocabulary));
  CHECK(rewritten<Catalogue>(parts.catalogue) == std::string(parts.catalogue));
  CHECK(rewritten<Rules>(parts.rules) == std::string(parts.rules));
  CHECK(builtin_catalogue().origin == "builtin exercises.json");
  CHECK(builtin_rules().origin == "builtin goals.json");
  CHECK(builtin_rules().goals.size() == parse_rules(embedded::goals(), "g.json", builtin_vocabulary()).goals.size());
}

TEST_CASE("a damaged image is refused, never read past its end", "[builtin]") {
  auto parts = builtin::split_image(builtin::compiled_image());
  std::string_view cut = parts.rules.substr(0, parts.rules.size() / 2);
  builtin::ImageReader reader(cut);
  CHECK_THROWS_AS(reader.read<Rules>(), std::out_of_range);
  CHECK_THROWS_AS(builtin::split_image(builtin::compiled_image().substr(0, 10)), std::out_of_range);
}

TEST_CASE("the build step refuses a bad data file with its line and column and writes nothing", "[builtin]") {
  std::string dir = temp_dir();
  std::string goals(embedded::goals());
  SECTION("a syntax error") {
    std::string broken = goals;
    broken.insert(broken.find("\"goals\""), ",");
    std::string result = bake(dir, broken);
    CHECK_THAT(result, Catch::StartsWith("1\n"));
    CHECK_THAT(result, Catch::Contains(dir + "/goals.json:") && Catch::Contains("invalid JSON"));
  }
  SECTION("a value the rules do not allow") {
    std::string broken = goals;
    auto at = broken.find("\"build_weeks\": ");
    REQUIRE(at != std::string::npos);
    broken.replace(at, std::string("\"build_weeks\": ").size() + 1, "\"build_weeks\": \"x\"");
    std::string result = bake(dir, broken);
    CHECK_THAT(result, Catch::StartsWith("1\n"));
    CHECK_THAT(result, Catch::Contains(dir + "/goals.json:") && Catch::Contains("build_weeks"));
  }
  SECTION("rules that name an exercise the catalogue lacks") {
    std::string broken = goals;
    auto at = broken.find("\"prefer\": [\"");
    REQUIRE(at != std::string::npos);
    broken.insert(at + std::string("\"prefer\": [").size(), "\"no-such-exercise\", ");
    std::string result = bake(dir, broken);
    CHECK_THAT(result, Catch::StartsWith("1\n"));
    CHECK_THAT(result, Catch::Contains("no-such-exercise"));
  }
  CHECK_FALSE(std::filesystem::exists(dir + "/image.cpp"));
  CHECK_FALSE(std::filesystem::exists(dir + "/image.cpp.tmp"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("the build step writes the image of valid data", "[builtin]") {
  std::string dir = temp_dir();
  CHECK(bake(dir, std::string(embedded::goals())) == "0\n");
  CHECK(read_file(dir + "/image.cpp").find("compiled_image()") != std::string::npos);
  std::filesystem::remove_all(dir);
}
