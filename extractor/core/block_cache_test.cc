#include "extractor/core/block_cache.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <vector>

namespace newsgraph {
namespace {

TEST_CASE("block cache / a freed small block is kept and handed out again for a request of its size class") {
  void* a = ::operator new(100);  // class 7: 97 to 112 bytes
  const size_t before = CachedBlocksOnThisThread();
  ::operator delete(a, 100);
  CHECK(CachedBlocksOnThisThread() == before + 1);
  void* b = ::operator new(112);  // same class: the same block
  CHECK(b == a);
  CHECK(CachedBlocksOnThisThread() == before);
  std::memset(b, 0x5a, 112);  // all of it is usable
  ::operator delete(b);       // unsized: the class comes from the block's usable size
  CHECK(CachedBlocksOnThisThread() == before + 1);
  void* c = ::operator new(97);
  CHECK(c == a);
  ::operator delete(c, 97);
}

TEST_CASE("block cache / blocks of another class or large or empty requests are not mixed up") {
  void* small = ::operator new(16);
  ::operator delete(small, 16);
  void* other = ::operator new(17);  // class 2: not the 16-byte block
  CHECK(other != small);
  const size_t before = CachedBlocksOnThisThread();
  void* large = ::operator new(65536);  // past the cached sizes: malloc and free
  ::operator delete(large, 65536);
  CHECK(CachedBlocksOnThisThread() == before);
  void* zero = ::operator new(0);  // a distinct pointer, as the standard asks
  CHECK(zero != nullptr);
  CHECK(zero != other);
  ::operator delete(zero, size_t{0});
  ::operator delete(other, 17);
}

TEST_CASE("block cache / blocks past 1 KiB are classed 256 bytes apart") {
  void* a = ::operator new(1025);  // 1025 to 1280 bytes: one class
  const size_t before = CachedBlocksOnThisThread();
  ::operator delete(a, 1025);
  CHECK(CachedBlocksOnThisThread() == before + 1);
  void* b = ::operator new(1280);
  CHECK(b == a);
  std::memset(b, 0x5a, 1280);  // all of it is usable
  ::operator delete(b, 1280);
  void* c = ::operator new(1281);  // the next class: another block
  CHECK(c != a);
  ::operator delete(c, 1281);
}

TEST_CASE("block cache / the largest cached size and the first past it") {
  void* largest = ::operator new(16384);
  const size_t before = CachedBlocksOnThisThread();
  ::operator delete(largest);  // unsized: its usable size says the 16 KiB class
  CHECK(CachedBlocksOnThisThread() == before + 1);
  void* again = ::operator new(16129);  // 16129 to 16384 bytes: the same class
  CHECK(again == largest);
  ::operator delete(again, 16129);
  void* past = ::operator new(16385);
  const size_t cached = CachedBlocksOnThisThread();
  ::operator delete(past, 16385);  // sized, past the cached sizes: back to malloc
  CHECK(CachedBlocksOnThisThread() == cached);
}

TEST_CASE("block cache / on failure new throws and the nothrow forms return null even when a new_handler throws") {
  const size_t huge = SIZE_MAX / 2;  // no malloc can give it
  CHECK_THROWS_AS((void)::operator new(huge), std::bad_alloc);
  CHECK(::operator new(huge, std::nothrow) == nullptr);
  CHECK(::operator new[](huge, std::nothrow) == nullptr);
  static int handler_calls = 0;
  std::new_handler previous = std::set_new_handler([] {
    ++handler_calls;
    throw std::bad_alloc();
  });
  CHECK(::operator new(huge, std::nothrow) == nullptr);  // not std::terminate
  CHECK(handler_calls == 1);
  std::set_new_handler(previous);
}

TEST_CASE("block cache / a list keeps at most 64 KiB of blocks and the rest goes back to malloc") {
  for (const size_t size : {size_t{1024}, size_t{16384}}) {
    CAPTURE(size);
    std::vector<void*> blocks;
    for (int i = 0; i < 100; ++i) blocks.push_back(::operator new(size));
    const size_t before = CachedBlocksOnThisThread();
    for (void* p : blocks) ::operator delete(p, size);
    const size_t kept = CachedBlocksOnThisThread() - before;
    CHECK(kept > 0);
    CHECK(kept <= (size_t{64} << 10) / size);  // 64 blocks of 1 KiB or 4 of 16 KiB
  }
}

TEST_CASE("block cache / a block freed on another thread is cached there and the data stays intact") {
  std::vector<std::unique_ptr<std::string>> made;
  for (int i = 0; i < 200; ++i) made.push_back(std::make_unique<std::string>(40 + i % 50, static_cast<char>('a' + i % 26)));
  size_t cached_there = 0;
  std::thread other([&] {
    for (auto& s : made) s.reset();
    cached_there = CachedBlocksOnThisThread();
    // Allocations on this thread now reuse them.
    std::vector<std::string> again;
    for (int i = 0; i < 200; ++i) again.emplace_back(40 + i % 50, 'z');
    for (const std::string& s : again) CHECK(s.find_first_not_of('z') == std::string::npos);
  });
  other.join();  // its cache goes back to malloc as it ends
  CHECK(cached_there > 0);
}

}  // namespace
}  // namespace newsgraph
