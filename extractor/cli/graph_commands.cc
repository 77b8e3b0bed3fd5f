// newsgraph timeline, merge and query: the knowledge-graph side.
// (First version: not built yet.)
#include <cstdio>

#include "extractor/cli/commands.h"

namespace newsgraph::cli {

int RunTimeline(const std::vector<std::string>& args) { return UsageError("timeline", "not available yet"); }
int RunMerge(const std::vector<std::string>& args) { return UsageError("merge", "not available yet"); }
int RunQuery(const std::vector<std::string>& args) { return UsageError("query", "not available yet"); }

}  // namespace newsgraph::cli
