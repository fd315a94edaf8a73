#include "tempstore.h"

#include <gtest/gtest.h>

namespace Ledgerdesk::Testing {

using namespace Core;

TempStore::TempStore()
    : m_store(
        std::make_unique<Store>(StoreConfig::sqlite(m_dir.filePath(QStringLiteral("ledger.db")))))
    , m_catalog(*m_store)
    , m_ledger(*m_store)
{
    const Status opened = m_store->open();
    EXPECT_TRUE(opened.ok()) << (opened ? "" : opened.error().message.toStdString());
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
