// A small command-line parser for the newsgraph subcommands: long flags
// ("--date 2024-06-19" or "--date=2024-06-19"), short aliases ("-o"),
// repeatable flags, positionals, "-" as a positional (stdin) and "--" to end
// the flags. It never exits: Parse() returns a Status for the caller to
// report as a usage error.
//
//   ArgParser p("extract", "[options] [INPUT...]", "Extracts entities...");
//   p.AddFlag("date", "YYYY-MM-DD", "publication date for inputs without one");
//   p.AddSwitch("include-text", "add each document's text to its record");
//   RETURN_IF_ERROR(p.Parse(args));
//   std::string date = p.Get("date");
#ifndef NEWSGRAPH_CLI_ARGS_H_
#define NEWSGRAPH_CLI_ARGS_H_

#include <map>
#include <string>
#include <vector>

#include "extractor/core/status.h"

namespace newsgraph::cli {

class ArgParser {
 public:
  ArgParser(std::string command, std::string usage, std::string summary);

  // A flag that takes a value; `value_name` is shown in the help.
  void AddFlag(const std::string& name, const std::string& value_name, const std::string& help,
               char short_name = 0);
  // A flag without a value.
  void AddSwitch(const std::string& name, const std::string& help, char short_name = 0);

  // Parses the arguments after the subcommand name. InvalidArgument on an
  // unknown flag or a flag missing its value. "--help"/"-h" sets help().
  Status Parse(const std::vector<std::string>& args);

  bool help() const { return help_; }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  // The last value given for `name`, or `fallback`.
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  // Every value given for a repeatable flag, in order.
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }
  // The text --help prints.
  std::string Help() const;

 private:
  struct Spec {
    std::string name;
    std::string value_name;  // empty for a switch
    std::string help;
    char short_name = 0;
  };
  const Spec* Find(const std::string& name) const;

  std::string command_, usage_, summary_;
  std::vector<Spec> specs_;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
  bool help_ = false;
};

// Parses a positive integer flag value; InvalidArgument naming the flag otherwise.
Result<long> ParsePositive(const std::string& flag, const std::string& value);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_ARGS_H_
