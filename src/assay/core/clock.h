// The current time as the RFC 3339 UTC text Assay writes into reports and databases.
#ifndef ASSAY_CORE_CLOCK_H_
#define ASSAY_CORE_CLOCK_H_

#include <string>

namespace assay {

// "YYYY-MM-DDThh:mm:ssZ", whole seconds, UTC. Thread-safe.
std::string now_utc();

}  // namespace assay

#endif  // ASSAY_CORE_CLOCK_H_
