#pragma once
// Reading a rules file, one section per member function; the sections are split over
// rules_reader.cpp (the file and its small sections), rules_progressions.cpp, rules_goals.cpp,
// rules_screening.cpp and rules_assessment.cpp.

#include "read/json_input.hpp"
#include "lbtrain/model/rules.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain::read {

/// Reads and checks one rules document. With `base`, the document is a layer over those rules
/// and may refer to their sources and progressions.
class RulesReader {
 public:
  RulesReader(const Vocabulary& vocabulary, Diagnostics& diagnostics, const Rules* base);

  Rules read(const nlohmann::json& root, const std::string& origin);

 private:
  const Vocabulary& vocabulary_;
  Diagnostics& diagnostics_;
  const Rules* base_;  ///< the rules this file is layered on, if any
  std::set<std::string> source_keys_;
  std::set<std::string> progression_ids_;

  // rules_reader.cpp: the small sections and the pieces every section uses.
  void read_version(FieldReader& top);
  void read_sources(FieldReader& top, Rules& rules);
  void read_timing(FieldReader& top, Rules& rules);
  void read_cycle(FieldReader& top, Rules& rules);
  void read_blocks(FieldReader& top, Rules& rules);
  void read_defaults(FieldReader& top, Rules& rules);
  void read_limits(FieldReader& top, Rules& rules);
  void read_loading(FieldReader& top, Rules& rules);
  void read_levels(FieldReader& top, Rules& rules);
  void read_texts(FieldReader& top, Rules& rules);
  void read_guidance(FieldReader& top, Rules& rules);

  BlockKind read_block_kind(FieldReader& reader, std::string_view key, bool required);
  Selector read_selector(const nlohmann::json& value, const std::string& pointer, const std::string& context);
  Slot read_slot(const nlohmann::json& value, const std::string& pointer, const std::string& owner);
  std::vector<Exclusion> read_exclusions(FieldReader& reader, const std::string& pointer, const std::string& context);
  void check_progression(FieldReader& reader, std::string_view key, const std::string& id);
  void read_pain_rule(FieldReader& reader, Adaptation& a);
  /// The adaptation's load steps: per implement ("implement_steps") and by default ("increments").
  void read_load_steps(FieldReader& reader, Adaptation& a);
  void read_history_estimate(FieldReader& reader, Adaptation& a);
  void read_adaptation_texts(FieldReader& reader, Adaptation& a);
  void check_source_list(FieldReader& reader, const std::vector<std::string>& keys);
  /// A text whose {placeholders} must be among `allowed`.
  void check_placeholders(FieldReader& reader, std::string_view key, const std::string& text,
                          const std::vector<std::string_view>& allowed);

  // rules_progressions.cpp
  void read_progressions(FieldReader& top, Rules& rules);
  std::map<DoseKind, int> read_per_kind(FieldReader& reader, std::string_view key, int min, int max);
  LevelText read_level_text(FieldReader& reader, std::string_view key, bool required);
  LoadTexts read_load_texts(const nlohmann::json& value, const std::string& pointer, bool builds);

  // rules_goals.cpp
  void read_goals(FieldReader& top, Rules& rules);

  // rules_screening.cpp
  void read_screening(FieldReader& top, Rules& rules);
  ScreeningEffect read_effect(FieldReader& reader, const std::string& pointer, const std::string& context);

  // rules_assessment.cpp
  void read_assessment(FieldReader& top, Rules& rules);
  void read_adaptation(FieldReader& top, Rules& rules);
  void read_adaptation_rules(FieldReader& reader, Adaptation& adaptation);
};

/// "{a} and {b}" placeholders named in a text.
std::vector<std::string> placeholders_in(std::string_view text);

}  // namespace lbtrain::read
