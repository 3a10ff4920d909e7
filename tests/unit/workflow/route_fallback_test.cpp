// GET /threads/{id}/turns/{turn_id} is not in the public docs: on a server
// without it, turns are found through the thread's turn list.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

class RouteFallback : public WorkflowTest {};

TEST_F(RouteFallback, A405IsRememberedAndTheListUsed) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(405, R"({"detail": "Method not allowed"})"))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100",
              json_answer(page({turn_json("u1", "completed", "Paris")})))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100",
              json_answer(page({turn_json("u1", "completed", "Paris")})));
  EXPECT_EQ(client().get_turn("t1", "u1").final_answer(), "Paris");
  // The route is not tried again.
  EXPECT_EQ(client().get_turn("t1", "u1").final_answer(), "Paris");
}

TEST_F(RouteFallback, A404OfTheRouteIsToldFromAMissingTurnByTheList) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(404, R"({"detail": "Not found."})"))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100",
              json_answer(page({turn_json("u1", "completed", "Paris")})))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100",
              json_answer(page({turn_json("u1", "completed", "Paris")})));
  EXPECT_EQ(client().get_turn("t1", "u1").final_answer(), "Paris");
  EXPECT_EQ(client().get_turn("t1", "u1").final_answer(), "Paris");  // the list straight away
}

TEST_F(RouteFallback, ATurnInNeitherIsNotFoundAndTheRouteIsKept) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u9", json_answer(404, R"({"detail": "Not found."})"))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100", json_answer(page({turn_json("u1", "completed")})))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed")));
  EXPECT_THROW(client().get_turn("t1", "u9"), NotFoundError);
  // A missing turn says nothing about the route: it is still used.
  EXPECT_EQ(client().get_turn("t1", "u1").id, "u1");
}

TEST_F(RouteFallback, TheListIsPagedByCursorUntilTheTurnIsFound) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u3", json_answer(405, "{}"))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100",
              json_answer(page({turn_json("u1", "completed"), turn_json("u2", "completed")}, "next")))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100&starting_after=u2",
              json_answer(page({turn_json("u3", "completed", "Paris")})));
  EXPECT_EQ(client().get_turn("t1", "u3").final_answer(), "Paris");
}

TEST_F(RouteFallback, OtherErrorsOfTheRouteAreErrors) {
  server().expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(403, R"({"detail": "Forbidden"})"));
  EXPECT_THROW(client().get_turn("t1", "u1"), PermissionDeniedError);
}

}  // namespace
}  // namespace paradigm::testing
