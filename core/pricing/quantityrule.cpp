#include "quantityrule.h"

#include <QLocale>

#include <algorithm>

namespace Ledgerdesk::Core {

Result<QuantityRule> QuantityRule::make(qint64 minimum, qint64 maximum, qint64 increment)
{
    if (increment < 1 || minimum < 1 || maximum < 0) {
        return makeError(ErrorCode::Validation,
                         tr("a quantity rule needs a minimum and an increment of at least 1"));
    }
    if (minimum % increment != 0 || maximum % increment != 0) {
        return makeError(ErrorCode::Validation,
                         tr("the minimum (%1) and maximum (%2) must be multiples of the "
                            "increment (%3)")
                             .arg(minimum)
                             .arg(maximum)
                             .arg(increment));
    }
    if (maximum != 0 && maximum < minimum) {
        return makeError(
            ErrorCode::Validation,
            tr("the maximum (%1) is below the minimum (%2)").arg(maximum).arg(minimum));
    }
    QuantityRule rule;
    rule.m_minimum = minimum;
    rule.m_maximum = maximum;
    rule.m_increment = increment;
    return rule;
}

QString QuantityRule::problem(qint64 quantity) const
{
    const QLocale locale;
    if (quantity < m_minimum) {
        return tr("at least %1 units").arg(locale.toString(m_minimum));
    }
    if (m_maximum != 0 && quantity > m_maximum) {
        return tr("at most %1 units").arg(locale.toString(m_maximum));
    }
    if (quantity % m_increment != 0) {
        return tr("in steps of %1 units").arg(locale.toString(m_increment));
    }
    return {};
}

qint64 QuantityRule::nearestAllowed(qint64 quantity) const
{
    qint64 allowed = std::max(quantity, m_minimum);
    allowed = (allowed + m_increment - 1) / m_increment * m_increment;
    if (m_maximum != 0) {
        allowed = std::min(allowed, m_maximum);
    }
    return allowed;
}

QString QuantityRule::describe() const
{
    const QLocale locale;
    QString text = tr("minimum %1, increment %2")
                       .arg(locale.toString(m_minimum), locale.toString(m_increment));
    if (m_maximum != 0) {
        text += tr(", maximum %1").arg(locale.toString(m_maximum));
    }
    return text;
}

} // namespace Ledgerdesk::Core
