#ifndef STAR_REPORT_CURL_SHIM_H
#define STAR_REPORT_CURL_SHIM_H
#include <curl/curl.h>
#endif
