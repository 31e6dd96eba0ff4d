#include "CCurlShim.h"

CURLcode star_setopt_long(CURL *handle, CURLoption option, long value) { return curl_easy_setopt(handle, option, value); }
CURLcode star_setopt_string(CURL *handle, CURLoption option, const char *value) { return curl_easy_setopt(handle, option, value); }
CURLcode star_setopt_pointer(CURL *handle, CURLoption option, void *value) { return curl_easy_setopt(handle, option, value); }
CURLcode star_setopt_off(CURL *handle, CURLoption option, curl_off_t value) { return curl_easy_setopt(handle, option, value); }
CURLcode star_setopt_callback(CURL *handle, CURLoption option, star_curl_data_cb callback) { return curl_easy_setopt(handle, option, callback); }
CURLcode star_getinfo_long(CURL *handle, CURLINFO info, long *value) { return curl_easy_getinfo(handle, info, value); }
CURLcode star_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
