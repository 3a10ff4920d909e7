// Compiles only where clang++ -stdlib=libc++ has libc++'s headers.
#include <string>
#ifndef _LIBCPP_VERSION
#error "not libc++"
#endif
