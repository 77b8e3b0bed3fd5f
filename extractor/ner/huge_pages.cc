#include "extractor/ner/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace newsgraph::ner {
namespace {
constexpr size_t kHuge = size_t{2} << 20;
size_t RoundUp(size_t bytes) { return (bytes + kHuge - 1) & ~(kHuge - 1); }
}  // namespace

void* MapHuge(size_t bytes) {
  const size_t size = RoundUp(bytes);
  // Map one huge page more than needed and trim to a 2 MiB boundary.
  void* raw = mmap(nullptr, size + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const uintptr_t begin = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (begin + kHuge - 1) & ~(kHuge - 1);
  if (aligned > begin) munmap(raw, aligned - begin);
  const uintptr_t end = begin + size + kHuge;
  if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
#ifdef MADV_HUGEPAGE
  madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // advice only: failure is harmless
#endif
  return reinterpret_cast<void*>(aligned);
}

void UnmapHuge(void* p, size_t bytes) {
  if (p != nullptr) munmap(p, RoundUp(bytes));
}

}  // namespace newsgraph::ner
