#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QString>

namespace Ledgerdesk::Core {

// How many units of a variant a buyer may order on a price list: at least `minimum`, at most
// `maximum` (0 = no limit), in steps of `increment`. The default is 1, none, 1.
class QuantityRule final
{
    Q_DECLARE_TR_FUNCTIONS(QuantityRule)

public:
    QuantityRule() = default;

    // Refuses rules a buyer could never satisfy: the increment must divide the minimum and the
    // maximum, and the maximum may not be below the minimum.
    static Result<QuantityRule> make(qint64 minimum, qint64 maximum, qint64 increment);

    qint64 minimum() const { return m_minimum; }

    qint64 maximum() const { return m_maximum; }

    qint64 increment() const { return m_increment; }

    bool isDefault() const { return m_minimum == 1 && m_maximum == 0 && m_increment == 1; }

    // Empty when `quantity` is allowed, otherwise why not, in words a buyer understands.
    QString problem(qint64 quantity) const;
    // The allowed quantity nearest to `quantity` (rounding up within the limits).
    qint64 nearestAllowed(qint64 quantity) const;
    QString describe() const;

private:
    qint64 m_minimum = 1;
    qint64 m_maximum = 0;
    qint64 m_increment = 1;
};

} // namespace Ledgerdesk::Core
