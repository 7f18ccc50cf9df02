#include "read/catalogue_reader.hpp"
#include "lbtrain/read.hpp"

#include "lbtrain/model/error.hpp"
#include "read/dose_reader.hpp"
#include "read/import.hpp"
#include "read/json_events.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>

namespace lbtrain {

namespace {

bool is_kebab_case(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

const std::vector<std::string> exercise_fields = {
    "id",    "name",     "aliases",  "category", "pattern", "primary_muscles", "secondary_muscles",
    "equipment", "level", "dose", "per_side", "loadable", "cues", "safety", "tags", "source"};


Exercise read_exercise(const nlohmann::json& item, const std::string& pointer,
                       const Vocabulary& vocabulary, Diagnostics& diagnostics) {
  Exercise e;
  std::string id = id_of(item);
  std::string context = id.empty() ? "exercise" : fmt::format("exercise \"{}\"", id);
  FieldReader reader(item, pointer, context, diagnostics);
  reader.reject_unknown(exercise_fields);
  e.id = reader.string("id");
  if (!e.id.empty() && !is_kebab_case(e.id)) {
    reader.problem("id", "\"" + e.id + "\" is not kebab-case (lower-case words joined by '-')");
  }
  e.name = reader.string("name");
  e.aliases = reader.strings("aliases", false);
  e.category = Word(reader.word("category", vocabulary.categories, "category"));
  e.pattern = Word(reader.word("pattern", vocabulary.patterns, "pattern"));
  e.primary_muscles = reader.words("primary_muscles", vocabulary.muscles, "muscle");
  if (reader.has("primary_muscles") && reader.member("primary_muscles").empty()) {
    reader.problem("primary_muscles", "must name at least one muscle");
  }
  e.secondary_muscles = reader.words("secondary_muscles", vocabulary.muscles, "muscle", false);
  e.equipment = reader.words("equipment", vocabulary.equipment, "equipment");
  if (reader.has("equipment") && reader.member("equipment").empty()) {
    reader.problem("equipment", "must not be empty; use [\"none\"] for bodyweight");
  }
  e.level = Word(reader.word("level", vocabulary.levels, "level"));
  e.dose = read_dose(reader, vocabulary, context, diagnostics);
  e.per_side = reader.boolean("per_side");
  e.loadable = reader.boolean("loadable", false, false);
  e.cues = reader.strings("cues");
  if (reader.has("cues") && reader.member("cues").empty()) reader.problem("cues", "must hold at least one cue");
  e.safety = reader.strings("safety", false);
  std::vector<std::string> tags = reader.strings("tags", false);
  std::sort(tags.begin(), tags.end());
  e.tags = tags;
  e.source = reader.string("source");
  return e;
}

/// Gives back the slack of the strings built by appending (a parser's string buffers grow by
/// doubling); the rest of an exercise is compact already (lbtrain/words.hpp).
void shrink(Exercise& e) {
  for (auto* text : {&e.id, &e.name, &e.source}) text->shrink_to_fit();
}

/// The ids read so far, to refuse an exercise whose id is taken and to say where the first one
/// was: the hash of each id with the exercise's place in the catalogue and in the file, equal
/// hashes told apart by the ids themselves. About 40 bytes an exercise, where a map of the id
/// strings took some 150 (at 87,300 exercises, 13 MB of a 95 MB file).
class IdIndex {
 public:
  explicit IdIndex(const std::vector<Exercise>& exercises) : exercises_(exercises) {}
  /// The file index of the exercise with this id, if one was added.
  std::optional<std::size_t> find(std::string_view id) const {
    auto [first, last] = places_.equal_range(std::hash<std::string_view>{}(id));
    for (auto it = first; it != last; ++it) {
      if (exercises_[it->second.kept].id == id) return it->second.item;
    }
    return std::nullopt;
  }
  /// The exercise about to be kept as the catalogue's next, at file index `item`.
  void add(std::string_view id, std::size_t item) {
    places_.emplace(std::hash<std::string_view>{}(id), Place{static_cast<std::uint32_t>(exercises_.size()),
                                                             static_cast<std::uint32_t>(item)});
  }

 private:
  struct Place {
    std::uint32_t kept;  ///< index in the catalogue's exercises
    std::uint32_t item;  ///< index in the file
  };
  const std::vector<Exercise>& exercises_;
  std::unordered_multimap<std::size_t, Place> places_;
};

using Tokenizer = JsonTop (*)(ByteSource&, JsonStreamHandler&);

Catalogue read_with(Tokenizer tokenize, ByteSource& source, CatalogueFormat format, const Vocabulary& vocabulary,
                    Diagnostics& diagnostics) {
  Catalogue catalogue;
  catalogue.origin = source.origin();
  IdIndex ids(catalogue.exercises);
  std::optional<FreeExerciseDbImporter> importer;
  // Exercises take about a kilobyte of file each; reserving for that avoids the copy of a
  // growing array, which would double the peak memory of a large catalogue.
  catalogue.exercises.reserve(source.size_hint() / 1000 + 16);

  JsonStreamHandler handler;
  handler.items_key = "exercises";
  // The top-level members of an lbtrain catalogue other than the exercises.
  handler.member = [&](const std::string& key, nlohmann::json&& value) {
    if (key == "format") {
      std::string name = value.is_string() ? value.get<std::string>() : std::string();
      if (name == "lbtrain-rules") {
        diagnostics.add("/format", "this is a rules file, not a catalogue; pass it with --rules");
      } else if (name != "lbtrain-catalogue") {
        diagnostics.add("/format", "expected \"lbtrain-catalogue\"");
      }
    } else if (key == "version") {
      if (value != 1) diagnostics.add("/version", "expected 1, the only catalogue version so far");
    } else if (key == "sources") {
      if (!value.is_object()) {
        diagnostics.add("/sources", "expected an object of source texts");
        return;
      }
      for (const auto& [name, text] : value.items()) {
        if (text.is_string()) catalogue.sources[name] = text.get<std::string>();
        else diagnostics.add("/sources/" + name, "expected a string");
      }
    } else if (key != "exercises") {
      diagnostics.add("/" + key, "field \"" + key + "\": is not a known field" +
                                     did_you_mean(key, {"format", "version", "sources", "exercises"}));
    } else {
      diagnostics.add("/exercises", "expected an array of exercises");
    }
  };
  bool usable = true;
  bool saw_exercises = false;
  handler.opened = [&](JsonTop opened) {
    bool is_array = opened == JsonTop::array;
    if (is_array && format == CatalogueFormat::lbtrain) {
      diagnostics.add("", "a JSON array, but an lbtrain catalogue is an object with \"exercises\"; for "
                          "free-exercise-db use --catalog-format free-exercise-db (or auto)");
      usable = false;
    } else if (!is_array && format == CatalogueFormat::free_exercise_db) {
      diagnostics.add("", "a JSON object, but a free-exercise-db catalogue is an array of records");
      usable = false;
    } else if (is_array) {
      importer.emplace(free_exercise_db_mapping(vocabulary), [&ids](std::string_view id) { return ids.find(id).has_value(); });
      const auto& mapping = free_exercise_db_mapping(vocabulary);
      catalogue.sources[mapping.source_key] = mapping.source_text;
    }
  };
  handler.items_opened = [&] { saw_exercises = true; };
  handler.item = [&](std::size_t index, nlohmann::json&& item, std::size_t begin, std::size_t end) {
    if (!usable) return;
    std::string pointer = (importer ? "/" : "/exercises/") + std::to_string(index);
    diagnostics.set_locator([&source, begin, end, prefix = pointer](const std::string& p) {
      return source.locate(begin, end, p.substr(std::min(prefix.size(), p.size())));
    });
    std::optional<Exercise> exercise;
    if (importer) exercise = importer->convert(item, pointer, diagnostics);
    else exercise = read_exercise(item, pointer, vocabulary, diagnostics);
    if (exercise && !exercise->id.empty()) {
      if (auto first = ids.find(exercise->id)) {
        diagnostics.add(pointer + "/id", fmt::format("duplicate exercise id \"{}\" (first at {}{})", exercise->id,
                                                     importer ? "/" : "/exercises/", *first));
        exercise.reset();
      }
    }
    diagnostics.set_locator({});
    if (!exercise || exercise->id.empty()) return;
    shrink(*exercise);
    ids.add(exercise->id, index);
    catalogue.exercises.push_back(std::move(*exercise));
  };
  JsonTop top = tokenize(source, handler);
  if (top == JsonTop::scalar) {
    diagnostics.add("", "expected a catalogue: an object with \"exercises\", or a free-exercise-db array");
  } else if (top == JsonTop::object && usable && !saw_exercises) {
    diagnostics.add("/exercises", "field \"exercises\": is missing");
  } else if (usable && diagnostics.empty() && catalogue.exercises.empty()) {
    diagnostics.add(top == JsonTop::array ? "" : "/exercises", "holds no exercises");
  }
  std::sort(catalogue.exercises.begin(), catalogue.exercises.end(),
            [](const Exercise& a, const Exercise& b) { return a.id < b.id; });
  return catalogue;
}

}  // namespace

Catalogue read_catalogue(ByteSource& source, CatalogueFormat format, const Vocabulary& vocabulary,
                         Diagnostics& diagnostics) {
  try {
    return read_with(stream_json, source, format, vocabulary, diagnostics);
  } catch (const JsonReadAgain&) {
    // RapidJSON refused a number nlohmann reads (0e400): start over, problems and all.
    Diagnostics again(diagnostics.origin());
    Catalogue catalogue = read_with(stream_json_nlohmann, source, format, vocabulary, again);
    diagnostics = std::move(again);
    return catalogue;
  }
}

Catalogue parse_catalogue(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                          CatalogueFormat format) {
  ByteSource source = ByteSource::from_text(text, origin);
  Diagnostics diagnostics(origin);
  Catalogue catalogue = read_catalogue(source, format, vocabulary, diagnostics);
  diagnostics.throw_if_any();
  return catalogue;
}

Catalogue load_catalogue_file(const std::string& path, const Vocabulary& vocabulary, CatalogueFormat format) {
  ByteSource source = ByteSource::from_file(path);
  Diagnostics diagnostics(path);
  Catalogue catalogue = read_catalogue(source, format, vocabulary, diagnostics);
  diagnostics.throw_if_any();
  return catalogue;
}

}  // namespace lbtrain
