#include "money.h"

#include <core/domain/decimal.h>

#include <QCoreApplication>

namespace Ledgerdesk::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Ledgerdesk::Core::Money", text);
}

} // namespace

Money::Money(qint64 minorUnits, QString currency)
    : m_minor(minorUnits)
    , m_currency(std::move(currency))
{}

bool Money::isCurrencyCode(const QString &currency)
{
    if (currency.size() != 3) {
        return false;
    }
    for (const QChar c : currency) {
        if (c < u'A' || c > u'Z') {
            return false;
        }
    }
    return true;
}

int Money::minorDigits(const QString &currency)
{
    static const QStringList zero = {QStringLiteral("JPY"),
                                     QStringLiteral("KRW"),
                                     QStringLiteral("CLP"),
                                     QStringLiteral("ISK"),
                                     QStringLiteral("VND"),
                                     QStringLiteral("HUF")};
    static const QStringList three = {QStringLiteral("BHD"),
                                      QStringLiteral("KWD"),
                                      QStringLiteral("OMR"),
                                      QStringLiteral("JOD"),
                                      QStringLiteral("TND")};
    if (zero.contains(currency)) {
        return 0;
    }
    if (three.contains(currency)) {
        return 3;
    }
    return 2;
}

Result<Money> Money::parse(QStringView amount, const QString &currency)
{
    if (!isCurrencyCode(currency)) {
        return makeError(ErrorCode::Validation,
                         tr("\"%1\" is not an ISO-4217 currency code").arg(currency));
    }
    const QStringView text = amount.trimmed();
    const FixedPoint parsed = parseFixedPoint(text, minorDigits(currency));
    switch (parsed.problem) {
    case DecimalProblem::None:
        return Money(parsed.scaled, currency);
    case DecimalProblem::TooLarge:
        return makeError(ErrorCode::Validation, tr("amount \"%1\" is too large").arg(text));
    case DecimalProblem::TooManyDecimals:
        return makeError(
            ErrorCode::Validation,
            tr("\"%1\" has more decimals than %2 allows").arg(text.toString(), currency));
    case DecimalProblem::NotANumber:
        break;
    }
    return makeError(ErrorCode::Validation,
                     tr("\"%1\" is not a decimal amount").arg(amount.toString()));
}

QString Money::amountString() const
{
    const int digits = minorDigits(m_currency);
    const bool negative = m_minor < 0;
    // Work on the unsigned magnitude so INT64_MIN cannot overflow.
    const auto magnitude
        = negative ? 0 - static_cast<quint64>(m_minor) : static_cast<quint64>(m_minor);
    QString text = QString::number(magnitude);
    if (digits > 0) {
        if (text.size() <= digits) {
            text = QString(digits - text.size() + 1, u'0') + text;
        }
        text.insert(text.size() - digits, u'.');
    }
    return negative ? u'-' + text : text;
}

QString Money::toString() const
{
    return amountString() + u' ' + m_currency;
}

} // namespace Ledgerdesk::Core
