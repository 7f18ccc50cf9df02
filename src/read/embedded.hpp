#pragma once
/// The shipped data files as text (see cmake/embed.cmake). lbtrain itself reads only the import
/// mappings this way; the vocabulary, catalogue and rules reach it as the built-in image
/// (src/data/), and their texts here serve the tests and micro-benchmarks.

#include <string_view>

namespace lbtrain::embedded {
/// The text of data/exercises.json.
std::string_view exercises();
/// The text of data/goals.json.
std::string_view goals();
/// The text of data/vocabulary.json.
std::string_view vocabulary();
/// The text of data/import/free-exercise-db.json.
std::string_view import_free_exercise_db();
/// The text of data/import/log-names.json.
std::string_view import_log_names();
/// The text of data/import/export-languages.json.
std::string_view import_export_languages();
}  // namespace lbtrain::embedded
