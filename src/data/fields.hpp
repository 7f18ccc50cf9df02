#pragma once
// The data members of the catalogue's and rules' structs, in declaration order, without naming
// them: a structured binding of exactly `field_count<T>` names. When a member is added to one
// of these structs, the binding no longer compiles until its count here is raised, so the
// built-in image (image.hpp) can never silently leave a member out.

#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/rules.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include <cstddef>
#include <type_traits>

namespace lbtrain::builtin {

/// How many data members T has; 0 for a type that is not written member by member.
template <typename T>
inline constexpr std::size_t field_count = 0;

template <> inline constexpr std::size_t field_count<Vocabulary> = 7;
template <> inline constexpr std::size_t field_count<Dose> = 3;
template <> inline constexpr std::size_t field_count<Exercise> = 16;
template <> inline constexpr std::size_t field_count<Catalogue> = 3;
template <> inline constexpr std::size_t field_count<Selector> = 8;
template <> inline constexpr std::size_t field_count<LevelText> = 2;
template <> inline constexpr std::size_t field_count<LoadTexts> = 4;
template <> inline constexpr std::size_t field_count<Rir> = 2;
template <> inline constexpr std::size_t field_count<Progression> = 21;
template <> inline constexpr std::size_t field_count<Slot> = 11;
template <> inline constexpr std::size_t field_count<Exclusion> = 4;
template <> inline constexpr std::size_t field_count<Opposition> = 2;
template <> inline constexpr std::size_t field_count<SourcedText> = 2;
template <> inline constexpr std::size_t field_count<Goal> = 14;
template <> inline constexpr std::size_t field_count<BlockRule> = 9;
template <> inline constexpr std::size_t field_count<Timing> = 4;
template <> inline constexpr std::size_t field_count<Cycle> = 4;
template <> inline constexpr std::size_t field_count<Limit> = 10;
template <> inline constexpr std::size_t field_count<Loading> = 5;
template <> inline constexpr std::size_t field_count<LevelRule> = 5;
template <> inline constexpr std::size_t field_count<Guidance> = 6;
template <> inline constexpr std::size_t field_count<SlotAddition> = 2;
template <> inline constexpr std::size_t field_count<PhaseIn> = 7;
template <> inline constexpr std::size_t field_count<DoseChange> = 5;
template <> inline constexpr std::size_t field_count<Caution> = 2;
template <> inline constexpr std::size_t field_count<ScreeningEffect> = 7;
template <> inline constexpr std::size_t field_count<ScreeningChoice> = 3;
template <> inline constexpr std::size_t field_count<Screening> = 6;
template <> inline constexpr std::size_t field_count<AnswerEffect> = 5;
template <> inline constexpr std::size_t field_count<Answer> = 3;
template <> inline constexpr std::size_t field_count<Question> = 5;
template <> inline constexpr std::size_t field_count<AdaptationRule> = 12;
template <> inline constexpr std::size_t field_count<PainRule> = 11;
template <> inline constexpr std::size_t field_count<HistoryEstimate> = 4;
template <> inline constexpr std::size_t field_count<Adaptation> = 19;
template <> inline constexpr std::size_t field_count<Rules> = 20;

/// Calls `visit` with every data member of `value` (const or not), in declaration order.
template <typename T, typename Visit>
void for_each_field(T& value, Visit&& visit) {
  constexpr std::size_t N = field_count<std::remove_const_t<T>>;
  static_assert(N > 0 && N <= 24, "no field count for this type (builtin/fields.hpp)");
  if constexpr (N == 1) {
    auto& [m0] = value;
    visit(m0);
  } else if constexpr (N == 2) {
    auto& [m0, m1] = value;
    visit(m0, m1);
  } else if constexpr (N == 3) {
    auto& [m0, m1, m2] = value;
    visit(m0, m1, m2);
  } else if constexpr (N == 4) {
    auto& [m0, m1, m2, m3] = value;
    visit(m0, m1, m2, m3);
  } else if constexpr (N == 5) {
    auto& [m0, m1, m2, m3, m4] = value;
    visit(m0, m1, m2, m3, m4);
  } else if constexpr (N == 6) {
    auto& [m0, m1, m2, m3, m4, m5] = value;
    visit(m0, m1, m2, m3, m4, m5);
  } else if constexpr (N == 7) {
    auto& [m0, m1, m2, m3, m4, m5, m6] = value;
    visit(m0, m1, m2, m3, m4, m5, m6);
  } else if constexpr (N == 8) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7);
  } else if constexpr (N == 9) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8);
  } else if constexpr (N == 10) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9);
  } else if constexpr (N == 11) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10);
  } else if constexpr (N == 12) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11);
  } else if constexpr (N == 13) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12);
  } else if constexpr (N == 14) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13);
  } else if constexpr (N == 15) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14);
  } else if constexpr (N == 16) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15);
  } else if constexpr (N == 17) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16);
  } else if constexpr (N == 18) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17);
  } else if constexpr (N == 19) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18);
  } else if constexpr (N == 20) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19);
  } else if constexpr (N == 21) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20);
  } else if constexpr (N == 22) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21);
  } else if constexpr (N == 23) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22);
  } else if constexpr (N == 24) {
    auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23] = value;
    visit(m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23);
  }
}

}  // namespace lbtrain::builtin
