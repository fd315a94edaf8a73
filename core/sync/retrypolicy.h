#pragma once

#include <QtGlobal>

#include <functional>
#include <optional>

namespace Ledgerdesk::Core {

// Full-jitter exponential backoff (delay = random(0, min(cap, base·2^attempt))), honouring a
// server's Retry-After when it asks for longer. Randomness is injected so tests are replayable.
class RetryPolicy final
{
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    RetryPolicy(qint64 baseMs = 1000,
                qint64 capMs = 5 * 60 * 1000,
                qint64 budgetMs = 72LL * 3600 * 1000,
                Random random = {});

    // Delay before attempt number `attempt` (1 = the first retry).
    qint64 delayMs(int attempt, std::optional<qint64> retryAfterMs = std::nullopt) const;
    // True while retrying still fits the budget measured from the first failure.
    bool withinBudget(qint64 firstFailureMs, qint64 nowMs) const;

    qint64 budgetMs() const { return m_budgetMs; }

private:
    qint64 m_baseMs;
    qint64 m_capMs;
    qint64 m_budgetMs;
    Random m_random;
};

} // namespace Ledgerdesk::Core
