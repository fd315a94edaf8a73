#pragma once

#include <app/sandbox/wms/wmsdropfolder.h>
#include <core/connectors/wms/wmsconnector.h>
#include <core/demo/democatalog.h>
#include <core/sync/syncexception.h>
#include <tests/support/tempstore.h>

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace Ledgerdesk::Testing {

// A demo ledger and the WMS stand-in started from the same catalogue, so every SKU-location the
// WMS runs agrees with the ledger until a test changes one side.
class WmsSyncTest : public ::testing::Test
{
protected:
    struct Cell
    {
        QString sku;
        QString location;
        Core::VariantId variantId = 0;
        Core::LocationId locationId = 0;
    };

    void SetUp() override;

    // One connector cycle; a cycle that reports an error fails the test.
    Core::SyncCycleReport cycle();
    // The first WMS-run cell whose ledger balance satisfies `wanted` and is not in `except`.
    Cell cell(const std::function<bool(const Core::Quantities &)> &wanted,
              const QList<QString> &except = {});
    Core::Quantities balance(const Cell &cell);
    std::optional<QString> base(const Cell &cell);
    QString onHandKey(const Cell &cell) const;
    qint64 postingCount(const QString &reason = QString());
    QList<Core::SyncException> openExceptions();

    // Writes a file into outbound/ the way the WMS does: a hidden name, then a rename.
    void dropOutbound(const QString &name, const QByteArray &content);
    QStringList files(const QString &folder) const;
    QString path(const QString &folder) const;

    Core::DemoCatalog m_catalog = Core::DemoCatalog::generate(2026, 6);
    TempStore m_temp;
    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox::WmsDropFolder> m_wms;
    std::unique_ptr<Core::WmsConnector> m_connector;
};

} // namespace Ledgerdesk::Testing
