#pragma once

#include <core/catalog/product.h>
#include <core/error.h>

#include <QStringList>

class QIODevice;

namespace Ledgerdesk::Core {

class Store;

// Writes locations in the small CSV the location importer reads: Code,Name,Kind.
class LocationExporter final
{
public:
    explicit LocationExporter(Store &store);

    Result<qint64> write(QIODevice &device);

    static QStringList header();
    static QStringList row(const Location &location);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
