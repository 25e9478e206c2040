#ifndef LEANPLAY_CPCRE2_SHIM_H
#define LEANPLAY_CPCRE2_SHIM_H
// PCRE2 with 8-bit code units (UTF-8). The width must be chosen before the header is included;
// PCRE2's public names are macros over width-suffixed symbols, which Swift cannot see, so each
// function we use is re-exposed as a static inline wrapper with a plain name.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

static inline pcre2_code_8 *lp_pcre2_compile(const unsigned char *pattern, size_t length, uint32_t options,
                                            int *errorcode, size_t *erroroffset) {
    return pcre2_compile_8(pattern, length, options, errorcode, erroroffset, NULL);
}
static inline void lp_pcre2_code_free(pcre2_code_8 *code) { pcre2_code_free_8(code); }
static inline int lp_pcre2_jit_compile(pcre2_code_8 *code) { return pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE); }
static inline pcre2_match_data_8 *lp_pcre2_match_data_create_from_pattern(const pcre2_code_8 *code) {
    return pcre2_match_data_create_from_pattern_8(code, NULL);
}
static inline void lp_pcre2_match_data_free(pcre2_match_data_8 *data) { pcre2_match_data_free_8(data); }
static inline int lp_pcre2_match(const pcre2_code_8 *code, const unsigned char *subject, size_t length,
                                 size_t start, uint32_t options, pcre2_match_data_8 *data) {
    return pcre2_match_8(code, subject, length, start, options, data, NULL);
}
static inline size_t *lp_pcre2_get_ovector_pointer(pcre2_match_data_8 *data) {
    return pcre2_get_ovector_pointer_8(data);
}
static inline uint32_t lp_pcre2_get_ovector_count(pcre2_match_data_8 *data) {
    return pcre2_get_ovector_count_8(data);
}
static inline int lp_pcre2_get_error_message(int code, unsigned char *buffer, size_t length) {
    return pcre2_get_error_message_8(code, buffer, length);
}
static inline int lp_pcre2_pattern_info_capture_count(const pcre2_code_8 *code, uint32_t *count) {
    return pcre2_pattern_info_8(code, PCRE2_INFO_CAPTURECOUNT, count);
}
#endif
