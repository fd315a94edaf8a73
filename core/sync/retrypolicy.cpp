#include "retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Ledgerdesk::Core {

RetryPolicy::RetryPolicy(qint64 baseMs, qint64 capMs, qint64 budgetMs, Random random)
    : m_baseMs(baseMs)
    , m_capMs(capMs)
    , m_budgetMs(budgetMs)
    , m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{}

qint64 RetryPolicy::delayMs(int attempt, std::optional<qint64> retryAfterMs) const
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const qint64 ceiling = std::min(m_capMs, m_baseMs << exponent);
    const auto jittered = static_cast<qint64>(m_random() * static_cast<double>(ceiling));
    return retryAfterMs ? std::max(*retryAfterMs, jittered) : jittered;
}

bool RetryPolicy::withinBudget(qint64 firstFailureMs, qint64 nowMs) const
{
    return nowMs - firstFailureMs < m_budgetMs;
}

} // namespace Ledgerdesk::Core
