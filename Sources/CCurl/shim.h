#ifndef LEANPLAY_CCURL_SHIM_H
#define LEANPLAY_CCURL_SHIM_H
// libcurl's curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call:
// each argument type gets a static inline wrapper here.
#include <curl/curl.h>

static inline CURLcode lp_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode lp_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode lp_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode lp_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode lp_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
typedef size_t (*lp_curl_data_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode lp_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, lp_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}
typedef int (*lp_curl_progress_callback)(void *context, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode lp_curl_easy_setopt_progress_callback(CURL *handle, CURLoption option, lp_curl_progress_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode lp_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode lp_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}
#endif
