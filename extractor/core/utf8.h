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
// How the segmenter reads a code point outside ASCII (one test after the
// other: U+2028 is a space too, but breaks the line).
enum class UnicodeClass : uint8_t { kLineBreak, kSpace, kApostrophe, kPunctuation, kWord };
UnicodeClass ClassifyUnicode(char32_t cp);
// Part of a word to the segmenter: the stages that predict its tokens
// (gazetteer aliases) read code points with the same test.
inline bool IsUnicodeWordChar(char32_t cp) { return ClassifyUnicode(cp) == UnicodeClass::kWord; }
bool IsUnicodeUpper(char32_t cp);        // upper-case Latin, Greek, Cyrillic letters

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_UTF8_H_
