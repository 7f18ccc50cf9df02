// The chosen output format's formatter for a plan.
#include "lbtrain/format.hpp"

namespace lbtrain {

void write_plan(const Plan& plan, const OutputOptions& output, const TextStyle& style, Sink& sink) {
  switch (output.format) {
    case Format::json: return write_json(plan, output.compact, sink);
    case Format::sheet: return write_sheet(plan, sink);
    case Format::markdown: return write_markdown(plan, sink);
    case Format::csv: return write_csv(plan, sink);
    case Format::html: return write_html(plan, sink);
    case Format::ics: return write_ics(plan, sink);
    case Format::text: break;
  }
  write_text(plan, style, sink);
}

std::string format_plan(const Plan& plan, const OutputOptions& output, const TextStyle& style) {
  StringSink sink;
  write_plan(plan, output, style, sink);
  return sink.take();
}

// The formats one by one, as strings.
std::string format_text(const Plan& plan, const TextStyle& style) {
  StringSink sink;
  write_text(plan, style, sink);
  return sink.take();
}
std::string format_json(const Plan& plan, bool compact) {
  StringSink sink;
  write_json(plan, compact, sink);
  return sink.take();
}
std::string format_sheet(const Plan& plan) {
  StringSink sink;
  write_sheet(plan, sink);
  return sink.take();
}
std::string format_markdown(const Plan& plan) {
  StringSink sink;
  write_markdown(plan, sink);
  return sink.take();
}
std::string format_csv(const Plan& plan) {
  StringSink sink;
  write_csv(plan, sink);
  return sink.take();
}
std::string format_html(const Plan& plan) {
  StringSink sink;
  write_html(plan, sink);
  return sink.take();
}
std::string format_ics(const Plan& plan) {
  StringSink sink;
  write_ics(plan, sink);
  return sink.take();
}

}  // namespace lbtrain
