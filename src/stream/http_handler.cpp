#include "stream/http_handler.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

namespace am {

namespace http = boost::beast::http;

namespace {

std::string_view target_path(std::string_view target) { return target.substr(0, target.find('?')); }

std::optional<std::string_view> query_value(std::string_view target, std::string_view key) {
  const auto q = target.find('?');
  if (q == std::string_view::npos) return std::nullopt;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == key) return pair.substr(eq + 1);
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return std::nullopt;
}

// "/avatars/12.glb" -> 12.
std::optional<int> avatar_id(std::string_view path) {
  constexpr std::string_view prefix = "/avatars/", suffix = ".glb";
  if (!path.starts_with(prefix) || !path.ends_with(suffix)) return std::nullopt;
  const std::string_view digits =
      path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  int id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
    return std::nullopt;
  }
  return id;
}

// Lets a browser page on another origin read the answer (a web-exported Godot loading mesh_url).
template <class Response>
void set_cors(Response& res, const std::string& allow_origin) {
  if (allow_origin.empty()) return;
  res.set(http::field::access_control_allow_origin, allow_origin);
  if (allow_origin != "*") res.set(http::field::vary, "Origin");
}

http::message_generator text_response(const HttpRequest& req, http::status status,
                                      const std::string& text, const std::string& allow_origin) {
  http::response<http::string_body> res{status, req.version()};
  res.set(http::field::content_type, "text/plain");
  set_cors(res, allow_origin);
  res.keep_alive(req.keep_alive());
  res.body() = text;
  res.prepare_payload();
  return http::message_generator(std::move(res));
}

// The answer to a CORS preflight (OPTIONS): GET and HEAD with the token's Authorization header.
http::message_generator preflight_response(const HttpRequest& req,
                                           const std::string& allow_origin) {
  if (allow_origin.empty())
    return text_response(req, http::status::forbidden, "origin not allowed\n", "");
  http::response<http::empty_body> res{http::status::no_content, req.version()};
  set_cors(res, allow_origin);
  res.set(http::field::access_control_allow_methods, "GET, HEAD, OPTIONS");
  res.set(http::field::access_control_allow_headers, "Authorization");
  res.set(http::field::access_control_max_age, "600");
  res.keep_alive(req.keep_alive());
  res.prepare_payload();
  return http::message_generator(std::move(res));
}

http::message_generator file_response(const HttpRequest& req, const std::filesystem::path& file,
                                      const std::string& allow_origin) {
  boost::beast::error_code ec;
  http::file_body::value_type body;
  body.open(file.c_str(), boost::beast::file_mode::scan, ec);
  if (ec) return text_response(req, http::status::not_found, "avatar file is gone\n", allow_origin);
  http::response<http::file_body> res{http::status::ok, req.version()};
  res.set(http::field::content_type, "model/gltf-binary");
  set_cors(res, allow_origin);
  res.keep_alive(req.keep_alive());
  if (req.method() == http::verb::head) {
    res.content_length(body.size());
    return http::message_generator(http::response<http::empty_body>(res.base()));
  }
  res.body() = std::move(body);
  res.prepare_payload();
  return http::message_generator(std::move(res));
}

}  // namespace

bool origin_allowed(const HttpRequest& req, const std::vector<std::string>& allowed) {
  const auto origin = req.find(http::field::origin);
  if (allowed.empty() || origin == req.end()) return true;
  return std::find(allowed.begin(), allowed.end(), std::string(origin->value())) != allowed.end();
}

bool token_accepted(const HttpRequest& req, const std::string& token) {
  if (token.empty()) return true;
  if (query_value(req.target(), "token") == std::string_view(token)) return true;
  const auto auth = req.find(http::field::authorization);
  return auth != req.end() && auth->value() == "Bearer " + token;
}

std::string cors_allow_origin(const HttpRequest& req, const std::vector<std::string>& allowed) {
  if (allowed.empty()) return "*";
  const auto origin = req.find(http::field::origin);
  if (origin == req.end()) return "";
  const std::string value(origin->value());
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end() ? value : "";
}

http::message_generator http_error(const HttpRequest& req, http::status status,
                                   const std::string& text) {
  return text_response(req, status, text, "");
}

http::message_generator http_response(const HttpRequest& req, const Hub& hub) {
  const std::string cors = cors_allow_origin(req, hub.options.allowed_origins);
  if (req.method() == http::verb::options) return preflight_response(req, cors);
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    return text_response(req, http::status::method_not_allowed, "only GET\n", cors);
  }
  const std::string_view path = target_path(req.target());
  if (path == "/health") return text_response(req, http::status::ok, "ok\n", cors);
  if (path == "/metrics" && hub.metrics) {
    return text_response(req, http::status::ok, hub.metrics(), cors);
  }
  const auto id = avatar_id(path);
  if (!id) return text_response(req, http::status::not_found, "not found\n", cors);
  if (!token_accepted(req, hub.options.token)) {
    return text_response(req, http::status::unauthorized, "token required\n", cors);
  }
  const auto file = hub.avatar_files.find(*id);
  if (file == hub.avatar_files.end()) {
    return text_response(req, http::status::not_found, "no avatar for this person\n", cors);
  }
  return file_response(req, file->second, cors);
}

}  // namespace am
