#pragma once

// The field descriptions of every type of PARADIGM_MODEL_TYPES and
// PARADIGM_REQUEST_TYPES (fields.hpp explains them).

#include "json/agent_fields.hpp"
#include "json/page_fields.hpp"
#include "json/request_fields.hpp"
#include "json/source_fields.hpp"
#include "json/thread_fields.hpp"
#include "json/tool_fields.hpp"
#include "json/turn_fields.hpp"
