// Reading a turn the way the guide describes it: the agent's message holds
// reasoning and tool-call parts, and its last `text` part is the answer.

#include <paradigm/turn.hpp>

namespace paradigm {

namespace {

template <class Visit>
void for_each_tool_call(const Message* answer, Visit&& visit) {
  if (!answer) return;
  for (const Part& part : answer->parts) {
    if (part.type == PartType::tool_call && part.tool_call) visit(*part.tool_call);
  }
}

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

// The agent's message is the last `assistant` one; servers that name the role
// differently still put the answer last, after the user's query.
const Message* Turn::answer() const& noexcept {
  for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
    if (it->role == Role::assistant) return &*it;
  }
  if (messages.size() >= 2 && messages.back().role != Role::user) return &messages.back();
  return nullptr;
}

std::string Turn::error_message() const {
  if (!error) return {};
  if (error->message && !error->message->empty()) return *error->message;
  return error->code.value_or("");
}

std::string Turn::final_answer() const {
  const Message* agent = answer();
  if (!agent) return {};
  for (auto it = agent->parts.rbegin(); it != agent->parts.rend(); ++it) {
    if (it->type == PartType::text && it->text) return *it->text;
  }
  return {};
}

std::vector<std::string> Turn::reasoning() const {
  std::vector<std::string> texts;
  if (const Message* agent = answer()) {
    for (const Part& part : agent->parts) {
      if (part.type == PartType::reasoning && part.reasoning) texts.push_back(*part.reasoning);
    }
  }
  return texts;
}

std::vector<ToolCall> Turn::tool_calls() const {
  std::vector<ToolCall> calls;
  for_each_tool_call(answer(), [&calls](const ToolCall& call) { calls.push_back(call); });
  return calls;
}

std::vector<Artifact> Turn::artifacts() const {
  std::vector<Artifact> files;
  for_each_tool_call(answer(), [&files](const ToolCall& call) {
    if (call.result) append(files, call.result->file_artifacts);
  });
  return files;
}

SourceList Turn::sources() const {
  SourceList sources;
  for_each_tool_call(answer(), [&sources](const ToolCall& call) {
    if (!call.result) return;
    append(sources.document, call.result->chunk_sources);
    append(sources.document, call.result->document_sources);
    append(sources.web, call.result->web_sources);
  });
  return sources;
}

}  // namespace paradigm
