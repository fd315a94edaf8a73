#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// The base of the three-way comparison: per (system, entity, key), the value both sides last
// agreed on. Both calls run inside the caller's transaction.
class SyncValues final
{
public:
    static Result<std::optional<QString>>
    base(QSqlDatabase db, const QString &system, const QString &entity, const QString &key);
    // Records that both sides now hold `value`, as the external system reported it at `externalAt`.
    static Status recordAgreement(QSqlDatabase db,
                                  const QString &system,
                                  const QString &entity,
                                  const QString &key,
                                  const QString &value,
                                  std::optional<UtcMillis> externalAt,
                                  UtcMillis now);
};

} // namespace Ledgerdesk::Core
