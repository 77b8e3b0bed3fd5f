// Replaces the global operator new and delete of the executables that
// link it (newsgraph and the benchmarks; not the sanitizer and fuzzing
// builds, whose own allocators find memory errors) with a per-thread cache
// of small blocks in front of malloc.
//
// Why: the pipeline allocates and frees small blocks at a high rate, some
// in RE2 (every RE2::Set::Match that reports which rules matched allocates
// three blocks and frees them again), and glibc's malloc and free cost
// about 150 instructions a pair even when its own thread cache serves
// them. Here a pair is a pop and a push on a per-thread list.
//
// Blocks of up to kClasses * kGranule bytes are sized up to a multiple of
// kGranule and come from malloc; a freed one goes on the freeing thread's
// list for its size (so a block may move between threads) unless that list
// is full, and back to malloc when the thread ends. Everything is a malloc
// block, so a block from any other allocation function that reaches these
// deletes is still freed right.
#include "extractor/core/block_cache.h"

#include <malloc.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace newsgraph {
namespace {

constexpr size_t kGranule = 16;
constexpr size_t kClasses = 64;       // blocks up to 1 KiB
constexpr uint32_t kPerClass = 32;    // cached blocks per size and thread: at most 1 MiB

struct FreeBlock {
  FreeBlock* next;
};

// Zero-initialized and trivially destructible, so that reaching it costs
// no initialization check; ThreadExit empties it.
struct ThreadCache {
  FreeBlock* head[kClasses + 1];
  uint32_t count[kClasses + 1];
  bool registered;  // ThreadExit will run for this thread
  bool closed;      // ThreadExit has run: malloc and free only
};
[[gnu::tls_model("initial-exec")]] thread_local ThreadCache cache;

struct ThreadExit {
  ~ThreadExit() {
    cache.closed = true;
    for (size_t c = 1; c <= kClasses; ++c) {
      while (FreeBlock* b = cache.head[c]) {
        cache.head[c] = b->next;
        std::free(b);
      }
      cache.count[c] = 0;
    }
  }
};

// The class of a request of n bytes, or 0 when it is not cached (0 bytes,
// or more than kClasses * kGranule).
size_t ClassOf(size_t n) { return n - 1 < kClasses * kGranule ? (n + kGranule - 1) / kGranule : 0; }

void* AllocateOrNull(size_t n) {
  while (true) {
    if (void* p = std::malloc(n)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) return nullptr;
    handler();
  }
}

void* Allocate(size_t n) {
  if (const size_t c = ClassOf(n)) {
    if (FreeBlock* b = cache.head[c]) {
      cache.head[c] = b->next;
      --cache.count[c];
      return b;
    }
    n = c * kGranule;
  }
  return AllocateOrNull(n);
}

void Release(void* p, size_t c) {
  if (c == 0 || cache.closed || cache.count[c] >= kPerClass) {
    std::free(p);
    return;
  }
  if (!cache.registered) {
    cache.registered = true;
    static thread_local ThreadExit at_exit;  // its destructor empties the cache
    (void)at_exit;
  }
  FreeBlock* b = static_cast<FreeBlock*>(p);
  b->next = cache.head[c];
  cache.head[c] = b;
  ++cache.count[c];
}

// A block's class from its usable size: a block allocated for class c has
// at least c * kGranule usable bytes, and any malloc block with u usable
// bytes can serve class u / kGranule.
void ReleaseUnsized(void* p) {
  const size_t c = malloc_usable_size(p) / kGranule;
  Release(p, c <= kClasses ? c : 0);
}

}  // namespace

size_t CachedBlocksOnThisThread() {
  size_t n = 0;
  for (size_t c = 1; c <= kClasses; ++c) n += cache.count[c];
  return n;
}

}  // namespace newsgraph

void* operator new(size_t n) {
  if (void* p = newsgraph::Allocate(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t n) { return operator new(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return newsgraph::Allocate(n); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return newsgraph::Allocate(n); }

void operator delete(void* p) noexcept {
  if (p != nullptr) newsgraph::ReleaseUnsized(p);
}
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { operator delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { operator delete(p); }
void operator delete(void* p, size_t n) noexcept {
  if (p != nullptr) newsgraph::Release(p, newsgraph::ClassOf(n));
}
void operator delete[](void* p, size_t n) noexcept { operator delete(p, n); }
