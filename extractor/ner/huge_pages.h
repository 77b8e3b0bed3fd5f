// An allocator for the large arrays the entity stage builds at start-up
// (gazetteer text, hash tables, entries): blocks of 1 MiB and more are
// mapped on their own, 2 MiB-aligned, and marked for transparent huge pages,
// so that filling 40 MB of tables costs a few dozen page faults instead of
// ten thousand. Smaller blocks come from operator new.
//
//   std::vector<Slot, ner::HugePageAllocator<Slot>> slots;
//   slots.assign(1 << 20, Slot{});   // one mapping, huge pages where the kernel allows
//
// Without huge pages (THP disabled) it is a plain mmap. Elements are
// default-initialized: resize(n) does not zero a buffer of bytes.
#ifndef NEWSGRAPH_NER_HUGE_PAGES_H_
#define NEWSGRAPH_NER_HUGE_PAGES_H_

#include <cstddef>
#include <new>
#include <utility>

namespace newsgraph::ner {

// Maps `bytes` (rounded up to 2 MiB) of zeroed memory, 2 MiB-aligned, with
// huge pages advised; nullptr on failure. Release with UnmapHuge.
void* MapHuge(size_t bytes);
void UnmapHuge(void* p, size_t bytes);

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kThreshold = size_t{1} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) return static_cast<T*>(::operator new(bytes));
    void* p = MapHuge(bytes);
    if (p == nullptr) throw std::bad_alloc();  // as std::allocator does when memory runs out
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) ::operator delete(p);
    else UnmapHuge(p, bytes);
  }
  // Default-initializes: resize(n) without a value leaves bytes and other
  // trivial elements as they are, so that a buffer about to be read into
  // (a whole file) is not zeroed first. resize(n, value) and assign fill.
  template <typename U>
  void construct(U* p) noexcept(noexcept(U())) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

}  // namespace newsgraph::ner

#endif  // NEWSGRAPH_NER_HUGE_PAGES_H_
