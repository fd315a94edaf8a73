#include "outboxitem.h"

#include <QCryptographicHash>

#include <array>

namespace Ledgerdesk::Core {

namespace {
constexpr std::array<const char16_t *, 4> kKeys = {u"pending", u"in_flight", u"done", u"dead"};
}

QString outboxStatusKey(OutboxStatus status)
{
    return QString::fromUtf16(kKeys[static_cast<std::size_t>(status)]);
}

std::optional<OutboxStatus> outboxStatusFromKey(QStringView key)
{
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        if (key == QStringView(kKeys[i])) {
            return static_cast<OutboxStatus>(i);
        }
    }
    return std::nullopt;
}

QString OutboxItem::requestHash() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(target.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(kind.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(payload);
    return QString::fromLatin1(hash.result().toHex().left(32));
}

} // namespace Ledgerdesk::Core
