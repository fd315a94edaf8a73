#include "tempstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <gtest/gtest.h>

namespace Ledgerdesk::Testing {

using namespace Core;

namespace {

StoreConfig postgresConfig(const QString &database)
{
    StoreConfig config;
    config.backend = Backend::Postgres;
    config.host = QStringLiteral("127.0.0.1");
    config.port = qEnvironmentVariableIntValue("LEDGERDESK_TEST_PG_PORT");
    config.user = QStringLiteral("ledgerdesk");
    config.databaseName = database;
    return config;
}

// Runs one statement on the maintenance database (CREATE/DROP DATABASE cannot run inside another).
void maintenance(const QString &sql)
{
    const QString name = QStringLiteral("ledgerdesk-test-maintenance");
    QSqlDatabase db = QSqlDatabase::contains(name)
                          ? QSqlDatabase::database(name)
                          : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    const StoreConfig config = postgresConfig(QStringLiteral("postgres"));
    db.setHostName(config.host);
    db.setPort(config.port);
    db.setUserName(config.user);
    db.setDatabaseName(config.databaseName);
    ASSERT_TRUE(db.isOpen() || db.open()) << db.lastError().text().toStdString();
    QSqlQuery q(db);
    ASSERT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
}

StoreConfig testConfig(const QTemporaryDir &dir, QString &pgDatabase)
{
    if (!TempStore::usingPostgres()) {
        return StoreConfig::sqlite(dir.filePath(QStringLiteral("ledger.db")));
    }
    pgDatabase
        = QStringLiteral("ledgerdesk_test_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    maintenance(QStringLiteral("CREATE DATABASE ") + pgDatabase);
    return postgresConfig(pgDatabase);
}

} // namespace

bool TempStore::usingPostgres()
{
    return qEnvironmentVariableIsSet("LEDGERDESK_TEST_PG_PORT");
}

TempStore::TempStore()
    : m_store(std::make_unique<Store>(testConfig(m_dir, m_pgDatabase)))
    , m_catalog(*m_store)
    , m_ledger(*m_store)
{
    const Status opened = m_store->open();
    EXPECT_TRUE(opened.ok()) << (opened ? "" : opened.error().message.toStdString());
}

TempStore::~TempStore()
{
    m_store.reset();
    if (!m_pgDatabase.isEmpty()) {
        maintenance(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgDatabase));
    }
}

QString TempStore::path() const
{
    return m_store->config().sqlitePath;
}

void TempStore::seedBasics()
{
    const auto style = m_catalog.saveStyle({0,
                                            QStringLiteral("field-jacket"),
                                            QStringLiteral("Field Jacket"),
                                            QStringLiteral("Northwind"),
                                            QStringLiteral("Outerwear")});
    ASSERT_TRUE(style.ok());
    for (const QString &size : {QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L")}) {
        Variant v;
        v.styleId = style.value();
        v.sku = QStringLiteral("FJ-NAVY-") + size;
        v.options[0] = {QStringLiteral("Color"), QStringLiteral("Navy")};
        v.options[1] = {QStringLiteral("Size"), size};
        v.price = Money(18900, QStringLiteral("USD"));
        const auto saved = m_catalog.saveVariant(v);
        ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
    }
    ASSERT_TRUE(m_catalog
                    .saveLocation({0,
                                   QStringLiteral("WH-EAST"),
                                   QStringLiteral("East Warehouse"),
                                   LocationKind::Warehouse,
                                   true})
                    .ok());
    ASSERT_TRUE(m_catalog
                    .saveLocation({0,
                                   QStringLiteral("STORE-SOHO"),
                                   QStringLiteral("SoHo Store"),
                                   LocationKind::Retail,
                                   true})
                    .ok());
}

VariantId TempStore::variant(const QString &sku)
{
    const auto v = m_catalog.variantBySku(sku);
    return v.ok() && v.value() ? v.value()->id : 0;
}

LocationId TempStore::location(const QString &code)
{
    const auto l = m_catalog.locationByCodeOrName(code);
    return l.ok() && l.value() ? l.value()->id : 0;
}

PostingRequest
adjustment(const QString &reference, VariantId variant, LocationId location, qint64 availableDelta)
{
    PostingRequest request;
    request.source = QStringLiteral("test");
    request.reference = reference;
    request.reason = MovementReason::Adjustment;
    request.actor = QStringLiteral("tester");
    MovementLine line{variant, location, {}};
    line.delta.set(QuantityName::Available, availableDelta);
    request.lines = {line};
    return request;
}

} // namespace Ledgerdesk::Testing
