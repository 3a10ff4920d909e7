#pragma once

// The whole public API of paradigm-cpp. Header-light: includes the standard
// library and <nlohmann/json_fwd.hpp> only (add <paradigm/json.hpp> for
// nlohmann::json interop).

#include <paradigm/agent.hpp>
#include <paradigm/api_key.hpp>
#include <paradigm/artifact.hpp>
#include <paradigm/cancellation.hpp>
#include <paradigm/client.hpp>
#include <paradigm/connection.hpp>
#include <paradigm/download.hpp>
#include <paradigm/enums.hpp>
#include <paradigm/errors.hpp>
#include <paradigm/future.hpp>
#include <paradigm/headers.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/logging.hpp>
#include <paradigm/native_tools.hpp>
#include <paradigm/options.hpp>
#include <paradigm/page.hpp>
#include <paradigm/pagination.hpp>
#include <paradigm/progress.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/schema.hpp>
#include <paradigm/serialize.hpp>
#include <paradigm/source.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/structured.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/timestamp.hpp>
#include <paradigm/tool.hpp>
#include <paradigm/turn.hpp>
#include <paradigm/turn_set.hpp>
#include <paradigm/version.hpp>
