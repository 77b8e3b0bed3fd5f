// The newsgraph subcommands. Each takes the arguments after its name and
// returns the process exit code:
//   0  every document was processed
//   1  some documents failed (each reported on stderr; the rest were processed)
//   2  usage or set-up error (bad option, unreadable data files): nothing was processed
#ifndef NEWSGRAPH_CLI_COMMANDS_H_
#define NEWSGRAPH_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace newsgraph::cli {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

int RunExtract(const std::vector<std::string>& args);
int RunTimeline(const std::vector<std::string>& args);
int RunMerge(const std::vector<std::string>& args);
int RunQuery(const std::vector<std::string>& args);

// Prints "newsgraph <command>: <message>" and a hint to stderr; returns kExitUsage.
int UsageError(const std::string& command, const std::string& message);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_COMMANDS_H_
