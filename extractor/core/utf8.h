// UTF-8 checks and repair, and the few code-point classes that segmentation
// needs. Pure functions, thread-safe.
#ifndef NEWSGRAPH_CORE_UTF8_H_
#define NEWSGRAPH_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph {

// Decodes the code point at text[pos] and sets *length to its byte length.
// An invalid or truncated sequence gives U+FFFD, with *length covering the
// bad lead byte and the continuation bytes after it.
char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* length);

bool IsValidUtf8(std::string_view text);

// Replaces every invalid sequence with U+FFFD and every NUL byte with a
// space, so that the text is safe to tokenize and to write as JSON. Returns
// how many replacements were made (0: *text is unchanged).
size_t RepairUtf8(std::string* text);

// Appends the UTF-8 encoding of `cp` to *out.
void AppendUtf8(char32_t cp, std::string* out);

// Classes of non-ASCII code points, for the tokenizer.
bool IsUnicodeSpace(char32_t cp);        // NBSP, thin spaces, line separators...
bool IsUnicodePunctuation(char32_t cp);  // curly quotes, dashes, ellipsis, bullets...
bool IsUnicodeApostrophe(char32_t cp);   // U+2019, U+02BC
// A code point of a word to the segmenter (any other than a line or
// paragraph separator, a space, an apostrophe or punctuation): the
// segmenter and the stages that predict its tokens share this test.
inline bool IsUnicodeWordChar(char32_t cp) {
  return cp != 0x2028 && cp != 0x2029 && !IsUnicodeSpace(cp) && !IsUnicodeApostrophe(cp) &&
         !IsUnicodePunctuation(cp);
}
bool IsUnicodeUpper(char32_t cp);        // upper-case Latin, Greek, Cyrillic letters

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_UTF8_H_
