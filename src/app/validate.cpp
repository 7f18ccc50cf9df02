// `lbtrain catalog validate`: every problem of every file, in one run.

#include "lbtrain/read.hpp"
#include "lbtrain/app.hpp"

#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"
#include "read/byte_source.hpp"
#include "read/catalogue_reader.hpp"
#include "read/json_input.hpp"

#include <fmt/format.h>

namespace lbtrain {

namespace {

enum class FileKind { catalogue, rules };

/// Tells a rules file from a catalogue by its first bytes: rules say so in "format" or have
/// "goals"; anything else is read as a catalogue.
FileKind kind_of(const ByteSource& source) {
  std::string head = source.slice(0, 1 << 16);
  auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || head[first] != '{') return FileKind::catalogue;
  if (head.find("\"lbtrain-rules\"") != std::string::npos) return FileKind::rules;
  if (head.find("\"lbtrain-catalogue\"") != std::string::npos) return FileKind::catalogue;
  return head.find("\"goals\"") != std::string::npos ? FileKind::rules : FileKind::catalogue;
}

}  // namespace

ValidationReport validate_files(const std::vector<std::string>& paths, CatalogueFormat format) {
  ValidationReport report;
  const Vocabulary& vocabulary = builtin_vocabulary();
  std::vector<Catalogue> catalogues;
  struct RulesFile {
    std::string path;
    Rules rules;
  };
  std::vector<RulesFile> rules_files;
  // Rules files are layered in the order given, as 'plan --rules A --rules B' layers them, and
  // the result must be complete: what validates must plan.
  Rules layered = builtin_rules();
  auto finish = [&](const std::string& path, const Diagnostics& d, const std::string& ok) {
    for (const auto& line : d.problems()) report.lines.push_back(line);
    if (d.count() > d.problems().size()) {
      report.lines.push_back(fmt::format("{}: ... and {} more problems not kept", path, d.count() - d.problems().size()));
    }
    if (d.empty()) {
      report.lines.push_back(fmt::format("{}: OK, {}", path, ok));
    } else {
      ++report.files_with_problems;
      report.lines.push_back(fmt::format("{}: {} problem{}", path, d.count(), d.count() == 1 ? "" : "s"));
    }
  };
  for (const auto& path : paths) {
    Diagnostics diagnostics(path);
    try {
      ByteSource source = ByteSource::from_file(path);
      if (kind_of(source) == FileKind::rules) {
        std::string text = read_data_file(path);
        Rules rules = read_rules(text, path, vocabulary, diagnostics, &layered);
        std::size_t goals = rules.goals.size();
        if (diagnostics.empty()) {
          Rules next = layer_rules(layered, rules);
          for (const auto& problem : check_complete_rules(next)) diagnostics.add_line(path + ": " + problem);
          if (diagnostics.empty()) {
            for (std::size_t i = layered.warnings.size(); i < next.warnings.size(); ++i) {
              report.lines.push_back("warning: " + next.warnings[i]);
            }
            layered = std::move(next);
            rules_files.push_back({path, std::move(rules)});
          }
        }
        finish(path, diagnostics, fmt::format("rules with {} goal{}", goals, goals == 1 ? "" : "s"));
      } else {
        Catalogue catalogue = read_catalogue(source, format, vocabulary, diagnostics);
        std::size_t count = catalogue.exercises.size();
        if (diagnostics.empty()) catalogues.push_back(std::move(catalogue));
        finish(path, diagnostics, fmt::format("catalogue of {} exercise{}", count, count == 1 ? "" : "s"));
      }
    } catch (const Error& e) {
      diagnostics.add_line(e.what());
      finish(path, diagnostics, "");
    }
  }
  // Rules must only select on tags and exercises that the catalogues define.
  if (!rules_files.empty()) {
    const Catalogue* catalogue_given = nullptr;
    Catalogue merged;
    if (!catalogues.empty()) {
      merged = merge_catalogues(std::move(catalogues));
      catalogue_given = &merged;
    }
    const Catalogue& catalogue = catalogue_given ? *catalogue_given : builtin_catalogue();
    for (const auto& file : rules_files) {
      auto problems = unresolved_references(file.rules, catalogue);
      if (problems.empty()) continue;
      ++report.files_with_problems;
      for (auto& p : problems) report.lines.push_back(std::move(p));
      report.lines.push_back(fmt::format("{}: {} reference{} to what {} does not define", file.path, problems.size(),
                                         problems.size() == 1 ? "" : "s", catalogue.origin));
    }
  }
  return report;
}

}  // namespace lbtrain
