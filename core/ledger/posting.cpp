#include "posting.h"

#include <QCryptographicHash>

#include <array>

namespace Ledgerdesk::Core {

namespace {

constexpr std::array<const char16_t *, 11> kReasonKeys = {u"sale",
                                                          u"allocation",
                                                          u"pick",
                                                          u"receipt",
                                                          u"return",
                                                          u"count",
                                                          u"transfer",
                                                          u"adjustment",
                                                          u"sync-accept",
                                                          u"damage",
                                                          u"correction"};

} // namespace

QString movementReasonKey(MovementReason reason)
{
    return QString::fromUtf16(kReasonKeys[static_cast<std::size_t>(reason)]);
}

std::optional<MovementReason> movementReasonFromKey(QStringView key)
{
    for (std::size_t i = 0; i < kReasonKeys.size(); ++i) {
        if (key.compare(QStringView(kReasonKeys[i]), Qt::CaseInsensitive) == 0) {
            return static_cast<MovementReason>(i);
        }
    }
    return std::nullopt;
}

QStringList movementReasonKeys()
{
    QStringList keys;
    for (const auto *key : kReasonKeys) {
        keys << QString::fromUtf16(key);
    }
    return keys;
}

QString PostingRequest::contentHash() const
{
    // What makes two requests "the same posting": the reason and the lines, not who retried it.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(movementReasonKey(reason).toUtf8());
    for (const MovementLine &line : lines) {
        QByteArray text = QByteArray::number(line.variantId);
        text += ':';
        text += QByteArray::number(line.locationId);
        for (const auto v : line.delta.values) {
            text += ',';
            text += QByteArray::number(v);
        }
        text += ';';
        hash.addData(text);
    }
    return QString::fromLatin1(hash.result().toHex().left(32));
}

} // namespace Ledgerdesk::Core
