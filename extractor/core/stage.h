// The interface every pipeline stage implements.
//
// A stage adds one layer to a Document. It declares the layers it needs and
// the ones it adds, so that Pipeline::Create can check the order before any
// document runs. A stage is immutable after it is created, so one instance
// serves any number of threads.
#ifndef NEWSGRAPH_CORE_STAGE_H_
#define NEWSGRAPH_CORE_STAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/core/status.h"

namespace newsgraph {

// What the stages are built from. Paths are resolved against data_dir.
struct StageConfig {
  std::string data_dir;                     // holds gazetteers/, schemas/, extractor/*/rules
  std::vector<std::string> user_gazetteers;  // extra gazetteer files (--gazetteer)
  // Returns data_dir + "/" + relative.
  std::string DataPath(std::string_view relative) const;
};

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view Name() const = 0;
  virtual Layers Requires() const = 0;  // not requires(): a C++20 keyword
  virtual Layers Provides() const = 0;
  // Adds the stage's layer to *doc. On error *doc may hold a partial layer
  // and the document should be reported as failed. Thread-safe.
  virtual Status Process(Document* doc) const = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_STAGE_H_
