#pragma once
/// Turning the picks into weeks of sessions: each exercise's progression and dose per week, the
/// sessions it is on, warm-ups and cool-downs that reach their minimum, the order of the main
/// block, an estimated duration per block and session, and the notes that explain it all.

#include "lbtrain/plan.hpp"
#include "lbtrain/screening.hpp"
#include "lbtrain/selection.hpp"

namespace lbtrain {

/// Builds the weeks of a plan from the screened request and its selection.
Plan build_plan(const DataSet& data, const Request& request, const Screened& screened, const Selection& selection);

}  // namespace lbtrain
