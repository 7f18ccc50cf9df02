#include "log/set_json.hpp"

#include "log/logged_set.hpp"

namespace lbtrain::log {

void write_set_json(format::JsonWriter& w, const LoggedSet& s) {
  w.begin_object();
  w.member("date", s.date);
  w.member("session", s.session);
  w.member("exercise_id", s.exercise_id);
  w.member("exercise", s.exercise);
  w.member("set", s.set_number);
  w.member(count_noun(s.kind), s.count);
  if (s.load) {
    w.member("load", *s.load);
    w.member("unit", to_string(s.unit));
  }
  if (s.rir) w.member("rir", *s.rir);
  if (s.pain) w.member("pain", *s.pain);
  w.member("per_side", s.per_side);
  w.member("warmup", s.warmup);
  w.member("note", s.note);
  w.key("source");
  w.begin_object();
  switch (s.source.kind) {
    case SetSource::Kind::typed: w.member("kind", "typed"); break;
    case SetSource::Kind::import:
      w.member("kind", "import");
      w.member("file", s.source.file);
      break;
    case SetSource::Kind::program:
      w.member("kind", "program");
      w.member("week", s.source.week);
      w.member("day", s.source.day);
      break;
  }
  w.end_object();
  w.end_object();
}

}  // namespace lbtrain::log
