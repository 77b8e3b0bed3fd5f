#include "extractor/cli/args.h"

#include <cerrno>
#include <cstdlib>

namespace newsgraph::cli {

ArgParser::ArgParser(std::string command, std::string usage, std::string summary)
    : command_(std::move(command)), usage_(std::move(usage)), summary_(std::move(summary)) {}

void ArgParser::AddFlag(const std::string& name, const std::string& value_name, const std::string& help,
                        char short_name) {
  specs_.push_back(Spec{name, value_name, help, short_name});
}

void ArgParser::AddSwitch(const std::string& name, const std::string& help, char short_name) {
  specs_.push_back(Spec{name, "", help, short_name});
}

const ArgParser::Spec* ArgParser::Find(const std::string& name) const {
  for (const Spec& s : specs_) {
    if (s.name == name || (name.size() == 1 && s.short_name == name[0])) return &s;
  }
  return nullptr;
}

Status ArgParser::Parse(const std::vector<std::string>& args) {
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (flags_done || a == "-" || a.empty() || a[0] != '-') {
      positionals_.push_back(a);
      continue;
    }
    if (a == "--") {
      flags_done = true;
      continue;
    }
    if (a == "--help" || a == "-h") {
      help_ = true;
      continue;
    }
    std::string name;
    std::string value;
    bool inline_value = false;
    if (a.rfind("--", 0) == 0) {
      name = a.substr(2);
      if (size_t eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
        inline_value = true;
      }
    } else if (a.size() == 2) {
      name = a.substr(1);
    } else {
      return InvalidArgument("unknown option '" + a + "'");
    }
    const Spec* spec = Find(name);
    if (spec == nullptr) return InvalidArgument("unknown option '" + a + "'");
    if (spec->value_name.empty()) {
      if (inline_value) return InvalidArgument("option --" + spec->name + " takes no value");
      values_[spec->name].push_back("");
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) return InvalidArgument("option --" + spec->name + " needs a value");
      value = args[++i];
    }
    values_[spec->name].push_back(value);
  }
  return Status::Ok();
}

std::string ArgParser::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ArgParser::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::string ArgParser::Help() const {
  std::string out = "usage: newsgraph " + command_ + " " + usage_ + "\n\n" + summary_ + "\n\noptions:\n";
  for (const Spec& s : specs_) {
    std::string left = "  ";
    left += s.short_name != 0 ? std::string("-") + s.short_name + ", " : "    ";
    left += "--" + s.name;
    if (!s.value_name.empty()) left += " " + s.value_name;
    if (left.size() < 28) left.resize(28, ' ');
    else left += "  ";
    out += left + s.help + "\n";
  }
  out += "  -h, --help                show this help\n";
  return out;
}

Result<long> ParsePositive(const std::string& flag, const std::string& value) {
  errno = 0;
  char* end = nullptr;
  long v = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || errno != 0 || v <= 0) {
    return InvalidArgument("--" + flag + " needs a positive whole number, not '" + value + "'");
  }
  return v;
}

}  // namespace newsgraph::cli
