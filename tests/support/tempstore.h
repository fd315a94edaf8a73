#pragma once

#include <core/catalog/catalog.h>
#include <core/ledger/ledger.h>
#include <core/store/store.h>

#include <QTemporaryDir>

#include <memory>

namespace Ledgerdesk::Testing {

// A real SQLite ledger in a temporary folder, migrated and ready.
class TempStore final
{
public:
    TempStore();
    ~TempStore();
    Q_DISABLE_COPY_MOVE(TempStore)

    QString path() const;

    Core::Store &store() { return *m_store; }

    Core::Catalog &catalog() { return m_catalog; }

    Core::Ledger &ledger() { return m_ledger; }

    // Seeds one style with `sizes` variants and two locations; returns nothing, use the lookups.
    void seedBasics();
    Core::VariantId variant(const QString &sku);
    Core::LocationId location(const QString &code);

    // True when the suite runs against the PostgreSQL server named by LEDGERDESK_TEST_PG_PORT.
    static bool usingPostgres();

private:
    QTemporaryDir m_dir;
    QString m_pgDatabase;
    std::unique_ptr<Core::Store> m_store;
    Core::Catalog m_catalog;
    Core::Ledger m_ledger;
};

Core::PostingRequest adjustment(const QString &reference,
                                Core::VariantId variant,
                                Core::LocationId location,
                                qint64 availableDelta);

} // namespace Ledgerdesk::Testing
