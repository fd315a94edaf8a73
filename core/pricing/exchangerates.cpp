#include "exchangerates.h"

#include <core/domain/decimal.h>

#include <algorithm>

namespace Ledgerdesk::Core {

namespace {

constexpr int kRateDigits = 9;

QString pairKey(const QString &from, const QString &to)
{
    return from + u'>' + to;
}

} // namespace

QString ExchangeRate::rateText() const
{
    QString text = QString::number(nanos / 1'000'000'000) + u'.'
                   + QStringLiteral("%1").arg(nanos % 1'000'000'000, kRateDigits, 10, QChar(u'0'));
    while (text.endsWith(u'0') && !text.endsWith(QLatin1String(".0"))) {
        text.chop(1);
    }
    return text;
}

Status ExchangeRates::add(const QString &from, const QString &to, QDate effective, QStringView rate)
{
    if (!Money::isCurrencyCode(from) || !Money::isCurrencyCode(to) || from == to) {
        return makeError(
            ErrorCode::Validation,
            tr("an exchange rate needs two different currency codes, not %1 and %2").arg(from, to));
    }
    if (!effective.isValid()) {
        return makeError(ErrorCode::Validation,
                         tr("an exchange rate needs the day it applies from"));
    }
    const FixedPoint value = parseFixedPoint(rate, kRateDigits);
    if (value.problem != DecimalProblem::None || value.scaled <= 0) {
        return makeError(
            ErrorCode::Validation,
            tr("\"%1\" is not a positive rate with at most nine decimals").arg(rate.toString()));
    }
    QList<ExchangeRate> &rates = m_rates[pairKey(from, to)];
    const auto sameDay = [&](const ExchangeRate &r) { return r.effective == effective; };
    rates.erase(std::remove_if(rates.begin(), rates.end(), sameDay), rates.end());
    rates.append({from, to, effective, value.scaled});
    std::sort(rates.begin(), rates.end(), [](const auto &a, const auto &b) {
        return a.effective < b.effective;
    });
    return success();
}

std::optional<ExchangeRate>
ExchangeRates::rateOn(const QString &from, const QString &to, QDate day) const
{
    std::optional<ExchangeRate> found;
    for (const ExchangeRate &rate : m_rates.value(pairKey(from, to))) {
        if (rate.effective > day) {
            break;
        }
        found = rate;
    }
    return found;
}

Money ExchangeRates::apply(const Money &amount, const ExchangeRate &rate)
{
    const int shift = Money::minorDigits(rate.to) - Money::minorDigits(rate.from);
    WideInt numerator = static_cast<WideInt>(amount.minorUnits()) * rate.nanos;
    WideInt denominator = powerOfTen(kRateDigits);
    if (shift >= 0) {
        numerator *= powerOfTen(shift);
    } else {
        denominator *= powerOfTen(-shift);
    }
    return Money(divideRounded(numerator, denominator), rate.to);
}

Result<Money> ExchangeRates::convert(const Money &amount, const QString &to, QDate day) const
{
    if (amount.currency() == to) {
        return amount;
    }
    const auto rate = rateOn(amount.currency(), to, day);
    if (!rate) {
        return makeError(ErrorCode::NotFound,
                         tr("no %1 → %2 exchange rate on or before %3")
                             .arg(amount.currency(), to, day.toString(Qt::ISODate)));
    }
    return apply(amount, *rate);
}

} // namespace Ledgerdesk::Core
