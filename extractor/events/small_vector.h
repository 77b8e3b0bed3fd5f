// A vector that keeps its first N elements inline, for the short lists the
// event stage builds for every mention and event (role fillers, entity ids,
// mention indices): a list of up to N elements costs no heap allocation, a
// longer one moves to the heap as std::vector would.
//
//   SmallVector<uint32_t, 8> ids;
//   ids.push_back(3);                 // inline
//   for (uint32_t id : ids) use(id);
//
// Only for trivially copyable T (elements are copied with memcpy).
#ifndef NEWSGRAPH_EVENTS_SMALL_VECTOR_H_
#define NEWSGRAPH_EVENTS_SMALL_VECTOR_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <new>
#include <type_traits>
#include <utility>

namespace newsgraph::events {

template <typename T, size_t N>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T>, "SmallVector copies elements with memcpy");
  static_assert(N > 0);

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  SmallVector() = default;
  SmallVector(std::initializer_list<T> items) { Append(items.begin(), items.size()); }
  template <typename It>
  SmallVector(It first, It last) {
    for (; first != last; ++first) push_back(*first);
  }
  SmallVector(const SmallVector& o) { Append(o.data(), o.size_); }
  SmallVector(SmallVector&& o) noexcept { Steal(&o); }
  SmallVector& operator=(const SmallVector& o) {
    if (this != &o) {
      size_ = 0;
      Append(o.data(), o.size_);
    }
    return *this;
  }
  SmallVector& operator=(SmallVector&& o) noexcept {
    if (this != &o) {
      std::free(heap_);
      heap_ = nullptr;
      cap_ = N;
      Steal(&o);
    }
    return *this;
  }
  ~SmallVector() {
    if (heap_ != nullptr) std::free(heap_);
  }

  T* data() { return heap_ != nullptr ? heap_ : Inline(); }
  const T* data() const { return heap_ != nullptr ? heap_ : Inline(); }
  T* begin() { return data(); }
  T* end() { return data() + size_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data()[i]; }
  const T& operator[](size_t i) const { return data()[i]; }
  T& front() { return data()[0]; }
  const T& front() const { return data()[0]; }
  T& back() { return data()[size_ - 1]; }
  const T& back() const { return data()[size_ - 1]; }

  void clear() { size_ = 0; }
  void push_back(const T& v) {
    const T copy = v;  // `v` may live in this vector, which may move
    if (size_ == cap_) Grow(size_ + 1);
    std::memcpy(static_cast<void*>(data() + size_), &copy, sizeof(T));
    ++size_;
  }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    push_back(T{std::forward<Args>(args)...});
    return back();
  }
  void pop_back() { --size_; }
  // Removes [first, last), keeping the order of the rest; returns `first`.
  T* erase(T* first, T* last) {
    T* e = end();
    std::memmove(static_cast<void*>(first), last, static_cast<size_t>(e - last) * sizeof(T));
    size_ -= static_cast<uint32_t>(last - first);
    return first;
  }
  template <typename It>
  void assign(It first, It last) {
    size_ = 0;
    for (; first != last; ++first) push_back(*first);
  }

 private:
  T* Inline() { return std::launder(reinterpret_cast<T*>(inline_)); }
  const T* Inline() const { return std::launder(reinterpret_cast<const T*>(inline_)); }

  void Append(const T* p, size_t n) {
    if (size_ + n > cap_) Grow(size_ + n);
    if (n > 0) std::memcpy(static_cast<void*>(data() + size_), p, n * sizeof(T));
    size_ += static_cast<uint32_t>(n);
  }
  void Grow(size_t want) {
    size_t cap = static_cast<size_t>(cap_) * 2;
    if (cap < want) cap = want;
    T* p = static_cast<T*>(std::malloc(cap * sizeof(T)));
    if (p == nullptr) std::abort();  // as operator new would, without exceptions
    if (size_ > 0) std::memcpy(static_cast<void*>(p), data(), size_ * sizeof(T));
    std::free(heap_);
    heap_ = p;
    cap_ = static_cast<uint32_t>(cap);
  }
  // Takes o's elements (its heap block if any) and leaves o empty and inline.
  void Steal(SmallVector* o) {
    if (o->heap_ != nullptr) {
      heap_ = o->heap_;
      cap_ = o->cap_;
      size_ = o->size_;
      o->heap_ = nullptr;
      o->cap_ = N;
    } else {
      size_ = o->size_;
      if (size_ > 0) std::memcpy(static_cast<void*>(Inline()), o->Inline(), size_ * sizeof(T));
    }
    o->size_ = 0;
  }

  T* heap_ = nullptr;
  uint32_t size_ = 0;
  uint32_t cap_ = N;
  alignas(T) unsigned char inline_[N * sizeof(T)];
};

}  // namespace newsgraph::events

#endif  // NEWSGRAPH_EVENTS_SMALL_VECTOR_H_
