#pragma once

// Described types of every supported member kind, shared by the schema and
// the parsing tests.

#include <paradigm/structured.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace structured_test {

enum class Color { red, green, blue };
PARADIGM_STRUCTURED_ENUM(Color, red, green, blue)
PARADIGM_DESCRIBE_TYPE(Color, "A primary colour of light")

struct District {
  std::string name;
  std::optional<double> area_km2;
};
PARADIGM_STRUCTURED(District, name, area_km2)

struct City {
  std::string name;
  std::int64_t population = 0;
  std::vector<District> districts;
};
PARADIGM_STRUCTURED(City, name, population, districts)
PARADIGM_DESCRIBE(City, population, "Inhabitants of the city proper")
PARADIGM_DESCRIBE_TYPE(City, "A city and its districts")

struct Country {
  std::string name;
  bool landlocked = false;
  int founded = 0;
  unsigned short regions = 0;
  std::uint64_t visitors = 0;
  float area = 0;
  Color flag = Color::red;
  std::vector<std::string> languages;
  std::vector<City> cities;
  std::optional<City> capital;
  std::optional<std::string> motto;
  paradigm::JsonValue extra;
};
PARADIGM_STRUCTURED(Country, name, landlocked, founded, regions, visitors, area, flag, languages, cities,
                    capital, motto, extra)

}  // namespace structured_test
