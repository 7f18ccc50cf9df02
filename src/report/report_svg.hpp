#pragma once
// The report's charts: one hand-written SVG per exercise, with numeric coordinates, axes with
// tick labels, dates along the bottom, and every point carrying its numbers as data-* attributes.

#include "report/report_data.hpp"

#include <string>
#include <vector>

namespace lbtrain::report {

/// A value axis: from `lo` to `hi` in steps of `step`, each a round number (1, 2, 2.5 or 5
/// times a power of ten; whole numbers when `integer`).
struct Axis {
  double lo = 0;
  double hi = 1;
  double step = 1;
};

/// The axis that holds every value from `lo` to `hi`, with about four to six ticks.
Axis nice_axis(double lo, double hi, bool integer);

/// The tick values of an axis, from lo to hi.
std::vector<double> axis_ticks(const Axis& axis);

/// The series' chart as one <svg> element with role="img", a <title> and a <desc>; `index`
/// makes its element ids unique within the page.
std::string chart_svg(const Series& series, int index);

/// The chart's text equivalent, one sentence a panel: "Load as logged from 20 kg on Nov 23 to ...".
std::string chart_description(const Series& series);

}  // namespace lbtrain::report
