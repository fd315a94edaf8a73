#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QStringList>

class QIODevice;

namespace Ledgerdesk::Core {

class Store;

// Writes every movement line with its posting (who, why, when) as CSV, oldest first.
class MovementExporter final
{
    Q_DECLARE_TR_FUNCTIONS(MovementExporter)

public:
    explicit MovementExporter(Store &store);

    Result<qint64> write(QIODevice &device);

    static QStringList header();

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
