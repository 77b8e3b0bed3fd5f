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
// Blocks of up to 1 KiB are sized up to a multiple of 16 bytes, larger
// ones of up to 16 KiB to a multiple of 256 bytes, and come from malloc; a
// freed one goes on the freeing thread's list for its size (so a block may
// move between threads) unless that list is full, and back to malloc when
// the thread ends. A sized delete trusts its size, as the standard lets it
// (the size given to new); an unsized one reads the block's usable size, so
// it takes any malloc block. The aligned forms (std::align_val_t) are not
// replaced: they stay with libstdc++ (aligned_alloc and free) and never meet
// these lists.
#include "extractor/core/block_cache.h"

#include <malloc.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace newsgraph {
namespace {

constexpr size_t kGranule = 16;
constexpr size_t kSmallClasses = 64;    // blocks up to 1 KiB, kGranule apart
constexpr size_t kSmallBytes = kSmallClasses * kGranule;
constexpr size_t kLargeGranule = 256;
constexpr size_t kLargeBytes = 16 << 10;  // the largest cached block
constexpr size_t kClasses = kSmallClasses + (kLargeBytes - kSmallBytes) / kLargeGranule;
// The blocks each list keeps, per thread: kBytesPerClass of them (4,096 of
// 16 bytes, 64 of 1 KiB, 4 of 16 KiB), 8 MiB at most in all. A document's
// analysis frees thousands of small blocks at once, which the next
// document asks for again.
constexpr size_t kBytesPerClass = 64 << 10;

struct FreeBlock {
  FreeBlock* next;
};

// Zero-initialized and trivially destructible, so that reaching it costs
// no initialization check. `room` is what makes a free fast: one test. It
// is 0 for every class until the thread has registered ThreadExit (the
// first free goes the slow way and registers it), and again once
// ThreadExit has emptied the lists; class 0 (not cached) never gets room.
struct ThreadCache {
  FreeBlock* head[kClasses + 1];
  uint32_t room[kClasses + 1];  // blocks each list may still take
  bool registered;              // ThreadExit will run (or has run) for this thread
};
[[gnu::tls_model("initial-exec")]] thread_local ThreadCache cache;

struct ThreadExit {
  ~ThreadExit() {
    for (size_t c = 1; c <= kClasses; ++c) {
      cache.room[c] = 0;  // from now on, malloc and free only
      while (FreeBlock* b = cache.head[c]) {
        cache.head[c] = b->next;
        std::free(b);
      }
    }
  }
};

// The class of a request of n bytes, or 0 when it is not cached (0 bytes,
// or more than kLargeBytes).
size_t ClassOf(size_t n) {
  if (n - 1 < kSmallBytes) return (n + kGranule - 1) / kGranule;  // n - 1: 0 bytes wraps around
  if (n - 1 < kLargeBytes) return kSmallClasses + (n - kSmallBytes + kLargeGranule - 1) / kLargeGranule;
  return 0;
}

// The bytes a block of class c (not 0) holds.
size_t ClassBytes(size_t c) {
  return c <= kSmallClasses ? c * kGranule : kSmallBytes + (c - kSmallClasses) * kLargeGranule;
}

// The class a malloc block with u usable bytes can serve: the largest whose
// blocks are no larger than u (0: none cached). It rounds down where ClassOf
// rounds a request up; written out rather than as ClassOf(u + 1) - 1, which
// costs more on this path (every unsized free).
size_t ClassHolding(size_t u) {
  return u < kSmallBytes                   ? u / kGranule
         : u < kLargeBytes + kLargeGranule ? kSmallClasses + (u - kSmallBytes) / kLargeGranule
                                           : 0;  // larger blocks go back to malloc
}

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
      ++cache.room[c];
      return b;
    }
    n = ClassBytes(c);
  }
  return AllocateOrNull(n);
}

void Push(void* p, size_t c) {
  FreeBlock* b = static_cast<FreeBlock*>(p);
  b->next = cache.head[c];
  cache.head[c] = b;
  --cache.room[c];
}

// A free that the lists cannot take as they are: a full list, a size not
// cached, or the thread's first free, which registers ThreadExit.
[[gnu::cold, gnu::noinline]] void ReleaseSlow(void* p, size_t c) {
  if (c != 0 && !cache.registered) {
    cache.registered = true;
    static thread_local ThreadExit at_exit;  // its destructor empties the lists
    (void)at_exit;
    for (size_t k = 1; k <= kClasses; ++k) cache.room[k] = static_cast<uint32_t>(kBytesPerClass / ClassBytes(k));
    Push(p, c);
    return;
  }
  std::free(p);
}

void Release(void* p, size_t c) {
  if (cache.room[c] != 0) {
    Push(p, c);
    return;
  }
  ReleaseSlow(p, c);
}

// A block's class from its usable size: a block allocated for class c has
// at least ClassBytes(c) usable bytes.
void ReleaseUnsized(void* p) { Release(p, ClassHolding(malloc_usable_size(p))); }

}  // namespace

size_t CachedBlocksOnThisThread() {
  size_t n = 0;
  for (size_t c = 1; c <= kClasses; ++c) {
    for (const FreeBlock* b = cache.head[c]; b != nullptr; b = b->next) ++n;
  }
  return n;
}

}  // namespace newsgraph

void* operator new(size_t n) {
  if (void* p = newsgraph::Allocate(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t n) { return operator new(n); }
// A new_handler may throw std::bad_alloc: the nothrow forms then return null.
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  try {
    return operator new(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return operator new(n, std::nothrow); }

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
