#pragma once

// One function per operation of ThreadsConnection, each written once as
// steps on the call's runtime: the blocking connection runs them on the
// calling thread. Each validates its arguments and builds its requests first
// (throwing InvalidRequestError before anything is sent), then hands its
// result to `done`.

#include <paradigm/agent.hpp>
#include <paradigm/artifact.hpp>
#include <paradigm/download.hpp>
#include <paradigm/options.hpp>
#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/source.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/turn.hpp>

#include "workflow/context.hpp"
#include "workflow/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace paradigm::detail::ops {

// --- Turns (ops_turns.cpp, streaming.cpp) ---
void create_thread_with_turn(const CallPtr& call, const TurnRequest& request, const CreateOptions& create,
                             Callback<Turn> done);
void create_turn(const CallPtr& call, std::string_view thread_id, const TurnRequest& request,
                 const CreateOptions& create, Callback<Turn> done);
void get_turn(const CallPtr& call, std::string_view thread_id, std::string_view turn_id, Callback<Turn> done);
void list_turns(const CallPtr& call, std::string_view thread_id, const ListOptions& list,
                Callback<Page<Turn>> done);
void wait_for_turn(const CallPtr& call, std::string_view thread_id, std::string_view turn_id,
                   const WaitOptions& wait, Callback<Turn> done);
void stream_turn(const CallPtr& call, std::string_view thread_id, const TurnRequest& request,
                 const StreamHandler& on_event, const StreamOptions& stream, Callback<Turn> done);
void stream_thread_with_turn(const CallPtr& call, const TurnRequest& request, const StreamHandler& on_event,
                             const StreamOptions& stream, Callback<Turn> done);

// --- Threads (ops_threads.cpp) ---
void create_thread(const CallPtr& call, const ThreadRequest& request, Callback<Thread> done);
void get_thread(const CallPtr& call, std::string_view thread_id, Callback<Thread> done);
void list_threads(const CallPtr& call, const ThreadListOptions& list, Callback<Page<Thread>> done);
void update_thread(const CallPtr& call, std::string_view thread_id, const ThreadUpdate& update,
                   Callback<Thread> done);
/// `turn_id` empty: whatever turn runs.
void cancel_turn(const CallPtr& call, std::string_view thread_id, std::string_view turn_id,
                 Callback<Thread> done);
void send_feedback(const CallPtr& call, std::string_view thread_id, std::string_view turn_id,
                   FeedbackAction action, Callback<Done> done);

// --- Artifacts (ops_artifacts.cpp) ---
void get_artifact(const CallPtr& call, std::string_view artifact_id, Callback<Artifact> done);
void download_artifact_content(const CallPtr& call, std::string_view artifact_id,
                               Callback<ArtifactContent> done);
void download_artifact_to_file(const CallPtr& call, std::string_view artifact_id,
                               const std::string& destination, const ProgressCallback& progress,
                               Callback<DownloadInfo> done);
void download_artifact_to_sink(const CallPtr& call, std::string_view artifact_id, const ChunkSink& sink,
                               Callback<DownloadInfo> done);

// --- Agents and sources (ops_agents.cpp) ---
void list_agents(const CallPtr& call, const AgentFilter& filter, Callback<Page<Agent>> done);
void get_agent(const CallPtr& call, std::int64_t agent_id, Callback<Agent> done);
void default_agent(const CallPtr& call, Callback<Agent> done);
void list_agent_files(const CallPtr& call, std::int64_t agent_id, const AgentFileFilter& filter,
                      Callback<Page<AgentFile>> done);
void list_agent_tags(const CallPtr& call, std::int64_t agent_id, const AgentTagFilter& filter,
                     Callback<std::vector<AgentTag>> done);
void list_agent_tools(const CallPtr& call, std::int64_t agent_id, Callback<AgentTools> done);
void list_sources(const CallPtr& call, const SourceFilter& filter, Callback<SourceList> done);

}  // namespace paradigm::detail::ops
