#include "support/svg.hpp"

#include <regex>

namespace lbtrain::test {

std::vector<Attributes> circles(const std::string& html) {
  std::vector<Attributes> all;
  std::regex circle("<circle ([^>]*)>"), attribute("([a-z0-9-]+)=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), circle); it != std::sregex_iterator(); ++it) {
    Attributes a;
    std::string body = (*it)[1];
    for (auto at = std::sregex_iterator(body.begin(), body.end(), attribute); at != std::sregex_iterator(); ++at)
      a[(*at)[1]] = (*at)[2];
    all.push_back(a);
  }
  return all;
}

std::vector<Attributes> series_points(const std::vector<Attributes>& all, const std::string& series) {
  std::vector<Attributes> out;
  for (const auto& a : all)
    if (a.count("data-series") && a.at("data-series") == series) out.push_back(a);
  return out;
}

std::vector<Attributes> points(const std::string& html, const std::string& series) {
  return series_points(circles(html), series);
}

}  // namespace lbtrain::test
