// A tiny HTTP service on Asio that answers each request by running a turn,
// on one thread: the io_context runs the service, the SDK's engine
// (paradigm::asio_loop: libcurl's sockets watched by the io_context, no
// thread of the SDK's own) and every coroutine. C++20 (asio::use_awaitable).
//
//   ./asio_server [--port 8080] [--requests N]
//   curl 'http://127.0.0.1:8080/ask?q=What+is+the+capital+of+France%3F'
//
// --port 0 picks a free port; --requests N exits after N answers.
#include <paradigm/asio.hpp>
#include <paradigm/paradigm.hpp>

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

namespace {

using asio::ip::tcp;

struct Settings {
  unsigned short port = 8080;
  int requests = 0;  // 0: serve forever
};

// The question of "GET /ask?q=... HTTP/1.1", decoded; nullopt for anything else.
std::optional<std::string> question_in(std::string_view request_line) {
  constexpr std::string_view prefix = "GET /ask?q=";
  if (request_line.substr(0, prefix.size()) != prefix) return std::nullopt;
  const std::string_view encoded =
      request_line.substr(prefix.size(), request_line.find(' ', prefix.size()) - prefix.size());
  std::string question;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '+') {
      question += ' ';
    } else if (encoded[i] == '%' && i + 2 < encoded.size()) {
      question += static_cast<char>(std::stoi(std::string(encoded.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      question += encoded[i];
    }
  }
  if (question.empty()) return std::nullopt;
  return question;
}

std::string response(std::string_view status, const std::string& body) {
  return "HTTP/1.1 " + std::string(status) +
         "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

// One connection: read the request, run the turn, answer.
asio::awaitable<void> serve(tcp::socket socket, paradigm::AsioClient& paradigm) {
  asio::streambuf received;
  co_await asio::async_read_until(socket, received, "\r\n\r\n", asio::use_awaitable);
  std::istream lines(&received);
  std::string request_line;
  std::getline(lines, request_line);
  std::string answer;
  if (std::optional<std::string> question = question_in(request_line)) {
    paradigm::TurnRequest ask;
    ask.query = *question;
    try {
      const paradigm::Turn turn = co_await paradigm.async_create_thread_with_turn(ask, asio::use_awaitable);
      answer = response("200 OK", turn.final_answer() + "\n");
    } catch (const paradigm::Error& e) {
      answer = response("502 Bad Gateway", std::string(e.what()) + "\n");
    }
  } else {
    answer = response("400 Bad Request", "ask with GET /ask?q=your+question\n");
  }
  co_await asio::async_write(socket, asio::buffer(answer), asio::use_awaitable);
}

asio::awaitable<void> listen(tcp::acceptor& acceptor, paradigm::AsioClient& paradigm, int& left) {
  for (;;) {
    auto [error, socket] = co_await acceptor.async_accept(asio::experimental::as_tuple(asio::use_awaitable));
    if (error) co_return;  // the acceptor was closed
    asio::co_spawn(acceptor.get_executor(), serve(std::move(socket), paradigm), [&](std::exception_ptr) {
      // Served (or the client went away): after N answers, stop accepting.
      if (left > 0 && --left == 0) acceptor.close();
    });
  }
}

Settings parse(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view name = argv[i];
    if (name == "--port") settings.port = static_cast<unsigned short>(std::atoi(argv[i + 1]));
    if (name == "--requests") settings.requests = std::atoi(argv[i + 1]);
  }
  return settings;
}

}  // namespace

int main(int argc, char** argv) try {
  const Settings settings = parse(argc, argv);
  asio::io_context io;

  paradigm::ClientOptions options =
      paradigm::ClientOptions::from_env();                         // PARADIGM_API_KEY, PARADIGM_BASE_URL
  options.external_loop = paradigm::asio_loop(io.get_executor());  // the SDK on this io_context
  paradigm::AsioClient paradigm(io, paradigm::ThreadsClient(options));

  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), settings.port));
  std::cout << "asio_server listening on http://127.0.0.1:" << acceptor.local_endpoint().port() << std::endl;
  int left = settings.requests;
  asio::co_spawn(io, listen(acceptor, paradigm, left), asio::detached);
  io.run();  // one thread for everything; returns once the acceptor is closed and every answer sent
  return 0;
} catch (const std::exception& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
