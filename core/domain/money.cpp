#include "money.h"

#include <QCoreApplication>

#include <limits>

namespace Ledgerdesk::Core {

namespace {

constexpr qint64 kMaxMinor = std::numeric_limits<qint64>::max() / 10;

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
    const auto invalid = [&] {
        return makeError(ErrorCode::Validation,
                         tr("\"%1\" is not a decimal amount").arg(amount.toString()));
    };
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+')) {
        negative = text[i] == u'-';
        ++i;
    }
    const int digits = minorDigits(currency);
    qint64 whole = 0;
    int wholeDigits = 0;
    for (; i < text.size() && text[i].isDigit(); ++i, ++wholeDigits) {
        if (whole > kMaxMinor / 1000) {
            return makeError(ErrorCode::Validation, tr("amount \"%1\" is too large").arg(text));
        }
        whole = whole * 10 + text[i].digitValue();
    }
    qint64 fraction = 0;
    int fractionDigits = 0;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        for (; i < text.size() && text[i].isDigit(); ++i) {
            const int d = text[i].digitValue();
            if (fractionDigits >= digits) {
                if (d != 0) {
                    return makeError(ErrorCode::Validation,
                                     tr("\"%1\" has more decimals than %2 allows")
                                         .arg(text.toString(), currency));
                }
                continue;
            }
            fraction = fraction * 10 + d;
            ++fractionDigits;
        }
        if (fractionDigits == 0 && wholeDigits == 0) {
            return invalid();
        }
    }
    if (i != text.size() || (wholeDigits == 0 && fractionDigits == 0)) {
        return invalid();
    }
    for (int k = fractionDigits; k < digits; ++k) {
        fraction *= 10;
    }
    qint64 scale = 1;
    for (int k = 0; k < digits; ++k) {
        scale *= 10;
    }
    const qint64 minor = whole * scale + fraction;
    return Money(negative ? -minor : minor, currency);
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
