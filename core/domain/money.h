#pragma once

#include <core/error.h>

#include <QString>
#include <QtGlobal>

#include <compare>

namespace Ledgerdesk::Core {

// An amount in integer minor units (cents) of an ISO-4217 currency; never floating point.
class Money final
{
public:
    Money() = default;
    Money(qint64 minorUnits, QString currency);

    // Parses a decimal string such as "199.00", "19.9" or "-0.50" exactly.
    static Result<Money> parse(QStringView amount, const QString &currency);
    static int minorDigits(const QString &currency);
    static bool isCurrencyCode(const QString &currency);

    qint64 minorUnits() const { return m_minor; }

    const QString &currency() const { return m_currency; }

    QString amountString() const;
    QString toString() const;

    friend bool operator==(const Money &, const Money &) = default;

private:
    qint64 m_minor = 0;
    QString m_currency;
};

} // namespace Ledgerdesk::Core
