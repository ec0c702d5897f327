// The HTTP side of the server (Beast): access checks for upgrades and downloads, and the answer
// to plain GET requests: /health -> "ok", /avatars/<id>.glb -> the registered file as
// model/gltf-binary, everything else 404 (405 for methods other than GET/HEAD/OPTIONS). CORS:
// answers carry Access-Control-Allow-Origin (* with no allowed origins configured, else the
// request's Origin when listed) and OPTIONS answers the preflight for the token header.
#pragma once

#include <string>
#include <vector>

#include <boost/beast/http.hpp>

#include "stream/hub.hpp"

namespace am {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

// True when no origins are configured, the request has no Origin, or its Origin is listed.
bool origin_allowed(const HttpRequest& req, const std::vector<std::string>& allowed);
// The Access-Control-Allow-Origin value for req: "*" when allowed is empty, the request's Origin
// when it is listed, "" (no header: the browser refuses) otherwise.
std::string cors_allow_origin(const HttpRequest& req, const std::vector<std::string>& allowed);
// True when no token is configured, or the request carries it (?token= or Bearer).
bool token_accepted(const HttpRequest& req, const std::string& token);

boost::beast::http::message_generator http_response(const HttpRequest& req, const Hub& hub);
boost::beast::http::message_generator http_error(const HttpRequest& req,
                                                 boost::beast::http::status status,
                                                 const std::string& text);

}  // namespace am
