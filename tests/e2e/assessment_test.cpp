#include "support/helpers.hpp"

#include "lbtrain/app.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/screen.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

using namespace lbtrain;

namespace {

const Rules& rules() { return test::builtin().rules; }

std::string ask(const std::string& typed, Answers* answers = nullptr) {
  std::istringstream in(typed);
  std::ostringstream out;
  Answers a = ask_questions(rules(), in, out);
  if (answers) *answers = a;
  return out.str();
}

}  // namespace

TEST_CASE("a lockout lifter's answers give the matching plan command", "[assess]") {
  Answers answers;
  ask("no\nlockout\nno\nyes\n3\nno\nbeginner\nhome\n", &answers);
  PlanOptions o = options_from_answers(rules(), answers);
  CHECK(plan_command(rules(), o) ==
        "lbtrain plan --goal lockout --cannot-hinge --hips-rise-early --weakness lockout --level beginner --equipment home");
}

TEST_CASE("the mirror test picks the posture goal", "[assess]") {
  Answers answers;
  std::string shown = ask("2\nposture\n2\ny\nn\n3\n3\n", &answers);
  CHECK(shown.find("Mirror test") != std::string::npos);
  CHECK(shown.find("physical therapist") != std::string::npos);
  CHECK(shown.find("deadlift give out") == std::string::npos);  // lockout questions are skipped
  CHECK(plan_command(rules(), options_from_answers(rules(), answers)) ==
        "lbtrain plan --goal kyphosis --level advanced --equipment none");
  // The hinge is asked for posture goals too: a kyphosis plan keeps hyperextensions back.
  ask("2\nposture\n2\nn\nn\n3\n3\n", &answers);
  CHECK(plan_command(rules(), options_from_answers(rules(), answers)) ==
        "lbtrain plan --goal kyphosis --cannot-hinge --level advanced --equipment none");
}

TEST_CASE("back pain in the squat is asked apart from injury and never refuses", "[assess]") {
  Answers answers;
  std::string shown = ask("no\nhealth\ny\nyes\n2\n1\n", &answers);
  // The question is wrapped to 80 columns; read it as one line.
  CHECK(std::regex_replace(shown, std::regex("\n +"), " ").find("pain that travels down a leg") != std::string::npos);
  PlanOptions o = options_from_answers(rules(), answers);
  CHECK(plan_command(rules(), o) == "lbtrain plan --goal general --squat-pain --level intermediate --equipment gym");
  CHECK_FALSE(refusal_for(rules(), o.flags));
}

TEST_CASE("every answer that sets something reaches the recommended command, and the command plans", "[assess]") {
  // Walks every path through the questions.
  std::vector<Answers> paths{{}};
  for (const auto& question : rules().assessment) {
    std::vector<Answers> next;
    for (const auto& answers : paths) {
      if (!applies(question, answers) ||
          std::any_of(answers.begin(), answers.end(), [](const auto& a) { return a.first == "injury" && a.second == "yes"; })) {
        next.push_back(answers);
        continue;
      }
      for (const auto& answer : question.answers) {
        Answers more = answers;
        more[question.id] = answer.id;
        next.push_back(std::move(more));
      }
    }
    paths = std::move(next);
  }
  CHECK(paths.size() > 100);
  for (const auto& answers : paths) {
    PlanOptions o = options_from_answers(rules(), answers);
    std::string command = plan_command(rules(), o);
    for (const auto& question : rules().assessment) {
      auto it = answers.find(question.id);
      if (it == answers.end()) continue;
      const Answer* a = question.find_answer(it->second);
      INFO(command);
      if (!a->set.flag.empty()) CHECK(command.find("--" + a->set.flag) != std::string::npos);
      for (const auto& [id, value] : a->set.choices) CHECK(command.find("--" + id + " " + value) != std::string::npos);
    }
    if (refusal_for(rules(), o.flags)) continue;
    INFO(command);
    CHECK_NOTHROW(test::make_plan(o));
  }
}

TEST_CASE("an invalid answer is asked again with the valid choices", "[assess]") {
  Answers answers;
  std::string shown = ask("perhaps\n9\nno\nhealth\ny\nno\n1\n1\n", &answers);
  CHECK(shown.find("Please answer with a number from 1 to 2 or one of: yes, no.") != std::string::npos);
  CHECK(answers.at("injury") == "no");
  CHECK(answers.at("goal") == "health");
}

TEST_CASE("an injured back stops the questions", "[assess]") {
  Answers answers;
  std::string shown = ask("yes\n", &answers);
  CHECK(answers.size() == 1);
  CHECK(options_from_answers(rules(), answers).flags == std::vector<std::string>{"injury"});
}

TEST_CASE("end of input cancels the assessment", "[assess]") {
  try {
    ask("no\n");
    FAIL("no cancellation");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::cancelled);
  }
}

TEST_CASE("an answers file is checked completely", "[assess]") {
  auto json = nlohmann::json::parse(R"({"injury": "no", "goal": "posure", "colour": "red"})");
  try {
    answers_from_json(rules(), json, "answers.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    std::string message = e.what();
    CHECK_THAT(message, Catch::Contains("\"colour\" is not a question"));
    CHECK_THAT(message, Catch::Contains("\"goal\": \"posure\" is not an answer; did you mean \"posture\"?"));
    CHECK_THAT(message, Catch::Contains("\"level\" is not answered"));
  }
}

TEST_CASE("assess --answers prints the command, and --run runs it", "[assess][cli]") {
  std::string dir = test::temp_dir();
  std::string path = dir + "/answers.json";
  test::write_file(path, R"({"injury": "no", "goal": "health", "hinge": "no", "squat": "no",
                             "level": "intermediate", "equipment": "gym"})");
  auto r = test::run_lbtrain({"assess", "--answers", path});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "lbtrain plan --goal general --cannot-hinge --level intermediate --equipment gym\n");
  r = test::run_lbtrain({"assess", "--answers", path, "--run"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Week 4") != std::string::npos);
  CHECK(r.out.find("Dowel hip hinge") != std::string::npos);
}

TEST_CASE("assess --answers with an injury refuses, exit 5", "[assess][cli]") {
  std::string path = test::temp_dir() + "/answers.json";
  test::write_file(path, R"({"injury": "yes"})");
  auto r = test::run_lbtrain({"assess", "--answers", path});
  CHECK(r.exit_code == 5);
  CHECK(r.out.find("physical therapist") != std::string::npos);
}

TEST_CASE("assess without a terminal or answers exits at once", "[assess][cli]") {
  auto r = test::run_lbtrain({"assess"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("lbtrain: error: 'lbtrain assess' asks its questions on a terminal"));
}

TEST_CASE("assess on a real terminal: questions, a command, and the plan", "[assess][cli]") {
  auto r = test::run_lbtrain_on_terminal(
      {"assess"}, {"no\n", "1\n", "yes\n", "no\n", "setup\n", "no\n", "2\n", "1\n", "y\n"});
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Recommended plan:\r\n  lbtrain plan --goal lockout --weakness setup --level intermediate --equipment gym") !=
        std::string::npos);
  CHECK(r.out.find("Week 1") != std::string::npos);
  CHECK(r.out.find("tempo 3-1-2-1") != std::string::npos);
}

TEST_CASE("assess on a terminal: Ctrl-D and Ctrl-C leave cleanly", "[assess][cli]") {
  auto eof = test::run_lbtrain_on_terminal({"assess"}, {"no\n", "\x04"});
  CHECK(eof.exit_code == 6);
  CHECK(eof.out.find("assessment cancelled") != std::string::npos);
  auto interrupt = test::run_lbtrain_on_terminal({"assess"}, {"no\n", "\x03"});
  CHECK(interrupt.exit_code == 6);
  CHECK(interrupt.out.find("assessment cancelled") != std::string::npos);
}
