#pragma once
/// The report's charts read back: the attributes of its SVG points.

#include <map>
#include <string>
#include <vector>

namespace lbtrain::test {

/// An element's attributes by name.
using Attributes = std::map<std::string, std::string>;

/// Every <circle> of the page with its attributes, in document order.
std::vector<Attributes> circles(const std::string& html);

/// The circles of one series (data-series="`series`"), in order.
std::vector<Attributes> series_points(const std::vector<Attributes>& all, const std::string& series);

/// The circles of one series of the page.
std::vector<Attributes> points(const std::string& html, const std::string& series);

}  // namespace lbtrain::test
