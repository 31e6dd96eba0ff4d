#ifndef STAR_REPORT_CCURLSHIM_H
#define STAR_REPORT_CCURLSHIM_H
/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed
   wrapper per argument type (long, string, pointer, curl_off_t, callback). */
#include <stddef.h>
#include <curl/curl.h>

typedef size_t (*star_curl_data_cb)(char *buffer, size_t size, size_t nitems, void *userdata);

CURLcode star_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode star_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode star_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode star_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
/* A data callback: CURLOPT_READFUNCTION, CURLOPT_HEADERFUNCTION (libcurl hands every SMTP server
   reply line to it). */
CURLcode star_setopt_callback(CURL *handle, CURLoption option, star_curl_data_cb callback);
CURLcode star_getinfo_long(CURL *handle, CURLINFO info, long *value);
/* CURL_GLOBAL_DEFAULT is a macro Swift may not import. */
CURLcode star_curl_global_init(void);
#endif
