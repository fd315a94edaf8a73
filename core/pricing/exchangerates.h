#pragma once

#include <core/domain/money.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// One published rate: 1 unit of `from` buys rate/10^9 units of `to` from `effective` on.
struct ExchangeRate
{
    QString from;
    QString to;
    QDate effective;
    qint64 nanos = 0;

    QString rateText() const; // "0.9213"
};

// Dated currency rates. A conversion on a day uses the newest rate effective on or before it, so
// a quote for a past date always gives the same answer.
class ExchangeRates final
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeRates)

public:
    // `rate` is a decimal with up to nine places, such as "0.9213".
    Status add(const QString &from, const QString &to, QDate effective, QStringView rate);

    std::optional<ExchangeRate> rateOn(const QString &from, const QString &to, QDate day) const;
    // Rounds half away from zero to the target currency's minor unit.
    Result<Money> convert(const Money &amount, const QString &to, QDate day) const;
    static Money apply(const Money &amount, const ExchangeRate &rate);

private:
    QHash<QString, QList<ExchangeRate>> m_rates; // "FROM>TO", sorted by effective date
};

} // namespace Ledgerdesk::Core
