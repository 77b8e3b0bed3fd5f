// A per-thread cache of small blocks in front of malloc, as the global
// operator new and delete of the executables that link the
// newsgraph_block_cache object library (see block_cache.cc for why).
// Nothing to call: linking it is all. For tests and diagnostics only:
//
//   delete new std::array<char, 100>;
//   size_t n = newsgraph::CachedBlocksOnThisThread();  // 1 more than before
#ifndef NEWSGRAPH_CORE_BLOCK_CACHE_H_
#define NEWSGRAPH_CORE_BLOCK_CACHE_H_

#include <cstddef>

namespace newsgraph {

// Freed blocks the calling thread holds for reuse.
size_t CachedBlocksOnThisThread();

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_BLOCK_CACHE_H_
