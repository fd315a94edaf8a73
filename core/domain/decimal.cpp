#include "decimal.h"

#include <limits>

namespace Ledgerdesk::Core {

namespace {

constexpr qint64 kMaxScaled = std::numeric_limits<qint64>::max() / 10;

} // namespace

qint64 powerOfTen(int exponent)
{
    qint64 value = 1;
    for (int k = 0; k < exponent; ++k) {
        value *= 10;
    }
    return value;
}

qint64 divideRounded(WideInt numerator, WideInt denominator)
{
    const bool negative = (numerator < 0) != (denominator < 0);
    const WideInt n = numerator < 0 ? -numerator : numerator;
    const WideInt d = denominator < 0 ? -denominator : denominator;
    const WideInt quotient = (n + d / 2) / d;
    return static_cast<qint64>(negative ? -quotient : quotient);
}

FixedPoint parseFixedPoint(QStringView text, int digits)
{
    const QStringView trimmed = text.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < trimmed.size() && (trimmed[i] == u'-' || trimmed[i] == u'+')) {
        negative = trimmed[i] == u'-';
        ++i;
    }
    const qint64 scale = powerOfTen(digits);
    qint64 whole = 0;
    int wholeDigits = 0;
    for (; i < trimmed.size() && trimmed[i].isDigit(); ++i, ++wholeDigits) {
        if (whole > kMaxScaled / scale / 10) {
            return {0, DecimalProblem::TooLarge};
        }
        whole = whole * 10 + trimmed[i].digitValue();
    }
    qint64 fraction = 0;
    int fractionDigits = 0;
    bool point = false;
    if (i < trimmed.size() && trimmed[i] == u'.') {
        point = true;
        ++i;
        for (; i < trimmed.size() && trimmed[i].isDigit(); ++i) {
            const int digit = trimmed[i].digitValue();
            if (fractionDigits >= digits) {
                if (digit != 0) {
                    return {0, DecimalProblem::TooManyDecimals};
                }
                continue;
            }
            fraction = fraction * 10 + digit;
            ++fractionDigits;
        }
    }
    const bool anyDigit
        = wholeDigits > 0 || fractionDigits > 0 || (point && i > 0 && trimmed[i - 1].isDigit());
    if (i != trimmed.size() || !anyDigit) {
        return {0, DecimalProblem::NotANumber};
    }
    fraction *= powerOfTen(digits - fractionDigits);
    const qint64 value = whole * scale + fraction;
    return {negative ? -value : value, DecimalProblem::None};
}

} // namespace Ledgerdesk::Core
