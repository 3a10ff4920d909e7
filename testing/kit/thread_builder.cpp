// ThreadBuilder: a thread as GET /api/v3/threads/{id} shows it.
#include <paradigm/testing/builders.hpp>

namespace paradigm::testing {

ThreadBuilder::ThreadBuilder() {
  thread_.id = "thread-1";
  thread_.object = "thread";
  thread_.name = "New conversation";
  thread_.status = TurnStatus::completed;
  thread_.agent_id = 1;
  thread_.agent_name = "Default agent";
  thread_.creation_source = "api";
  thread_.is_read = true;
  thread_.is_ephemeral = false;
  thread_.is_archived = false;
  thread_.legacy = false;
  thread_.created_at = fixed_time();
  thread_.updated_at = fixed_time();
}

ThreadBuilder& ThreadBuilder::id(std::string id) {
  thread_.id = std::move(id);
  return *this;
}
ThreadBuilder& ThreadBuilder::name(std::string name) {
  thread_.name = std::move(name);
  return *this;
}
ThreadBuilder& ThreadBuilder::status(TurnStatus status) {
  thread_.status = status;
  return *this;
}
ThreadBuilder& ThreadBuilder::agent(std::int64_t agent_id, std::string agent_name) {
  thread_.agent_id = agent_id;
  thread_.agent_name = std::move(agent_name);
  return *this;
}
ThreadBuilder& ThreadBuilder::archived(bool archived) {
  thread_.is_archived = archived;
  return *this;
}

Thread ThreadBuilder::build() const {
  return thread_;
}

}  // namespace paradigm::testing
