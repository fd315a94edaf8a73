#pragma once

#include <QStringView>
#include <QtGlobal>

namespace Ledgerdesk::Core {

// Why a decimal text could not be read as a fixed-point number.
enum class DecimalProblem {
    None,
    NotANumber,
    TooManyDecimals, // non-zero digits beyond the allowed scale
    TooLarge,
};

struct FixedPoint
{
    qint64 scaled = 0; // the value times 10^digits
    DecimalProblem problem = DecimalProblem::None;
};

// Reads "12.5", "-0.50" or "+3" exactly as an integer scaled by 10^digits; never goes through
// floating point. Trailing zeros beyond the scale are accepted, other digits are not.
FixedPoint parseFixedPoint(QStringView text, int digits);

// 10^exponent for 0 <= exponent <= 18.
qint64 powerOfTen(int exponent);

// Products of amounts and rates need more than 64 bits before they are divided back down.
__extension__ typedef __int128 WideInt;

// numerator / denominator rounded half away from zero; the caller keeps the result in range.
qint64 divideRounded(WideInt numerator, WideInt denominator);

} // namespace Ledgerdesk::Core
