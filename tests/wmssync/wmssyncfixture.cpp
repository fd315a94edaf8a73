#include "wmssyncfixture.h"

#include <core/demo/demoseeder.h>
#include <core/store/sql.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>

#include <QDir>
#include <QFile>
#include <QJsonObject>

namespace Ledgerdesk::Testing {

void WmsSyncTest::SetUp()
{
    ASSERT_TRUE(m_dir.isValid());
    const auto seeded = Core::seedDemoLedger(m_temp.store(), m_catalog);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
    QDir root(m_dir.path());
    for (const QString &folder :
         {QStringLiteral("inbound"), QStringLiteral("outbound"), QStringLiteral("archive")}) {
        ASSERT_TRUE(root.mkpath(folder));
    }
    m_wms = std::make_unique<Sandbox::WmsDropFolder>(m_catalog, m_dir.path(), 11);
    Core::ConnectionSettings settings;
    settings.system = QStringLiteral("wms");
    settings.kind = QStringLiteral("wms-drop-folder");
    settings.options
        = QJsonObject{{QStringLiteral("inboundFolder"), path(QStringLiteral("inbound"))},
                      {QStringLiteral("outboundFolder"), path(QStringLiteral("outbound"))},
                      {QStringLiteral("archiveFolder"), path(QStringLiteral("archive"))}};
    m_connector = std::make_unique<Core::WmsConnector>(m_temp.store(), settings);
    const Core::Status opened = m_connector->open();
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
}

Core::SyncCycleReport WmsSyncTest::cycle()
{
    const Core::SyncCycleReport report = m_connector->runCycle();
    EXPECT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.system, QStringLiteral("wms"));
    EXPECT_GE(report.finishedAt, report.startedAt);
    return report;
}

WmsSyncTest::Cell WmsSyncTest::cell(const std::function<bool(const Core::Quantities &)> &wanted,
                                    const QList<QString> &except)
{
    for (const Core::DemoStyle &style : m_catalog.styles()) {
        for (const Core::DemoVariant &variant : style.variants) {
            for (const QString &location : m_wms->locations()) {
                if (except.contains(variant.sku + u'@' + location)) {
                    continue;
                }
                Cell found{
                    variant.sku, location, m_temp.variant(variant.sku), m_temp.location(location)};
                if (wanted(balance(found))) {
                    return found;
                }
            }
        }
    }
    ADD_FAILURE() << "no cell in the demo catalogue fits";
    return {};
}

Core::Quantities WmsSyncTest::balance(const Cell &cell)
{
    const auto quantities = m_temp.ledger().balance(cell.variantId, cell.locationId);
    EXPECT_TRUE(quantities.ok());
    return quantities.ok() ? quantities.value() : Core::Quantities();
}

QString WmsSyncTest::onHandKey(const Cell &cell) const
{
    return Core::InventoryKey{cell.sku, cell.location, Core::QuantityName::OnHand}.toString();
}

std::optional<QString> WmsSyncTest::base(const Cell &cell)
{
    auto q = Core::runQuery(m_temp.store().connection(),
                            QStringLiteral("SELECT base_value FROM sync_values WHERE system = "
                                           "'wms' AND entity = 'inventory' AND entity_key = ?"),
                            {onHandKey(cell)});
    EXPECT_TRUE(q.ok());
    if (!q.ok() || !q.value().next()) {
        return std::nullopt;
    }
    return q.value().value(0).toString();
}

qint64 WmsSyncTest::postingCount(const QString &reason)
{
    auto q = Core::runQuery(m_temp.store().connection(),
                            QStringLiteral("SELECT COUNT(*) FROM postings WHERE source = 'wms' "
                                           "AND (? = '' OR reason = ?)"),
                            {Core::nonNull(reason), Core::nonNull(reason)});
    EXPECT_TRUE(q.ok());
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}

QList<Core::SyncException> WmsSyncTest::openExceptions()
{
    Core::ExceptionFilter filter = Core::ExceptionFilter::unresolved();
    filter.system = QStringLiteral("wms");
    const auto listed = Core::ExceptionStore(m_temp.store()).list(filter);
    EXPECT_TRUE(listed.ok());
    return listed.ok() ? listed.value() : QList<Core::SyncException>();
}

void WmsSyncTest::dropOutbound(const QString &name, const QByteArray &content)
{
    const QString temp = QDir(path(QStringLiteral("outbound"))).filePath(u'.' + name);
    QFile file(temp);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    ASSERT_EQ(file.write(content), content.size());
    file.close();
    ASSERT_TRUE(QFile::rename(temp, QDir(path(QStringLiteral("outbound"))).filePath(name)));
}

QStringList WmsSyncTest::files(const QString &folder) const
{
    return QDir(path(folder)).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

QString WmsSyncTest::path(const QString &folder) const
{
    return QDir(m_dir.path()).filePath(folder);
}

} // namespace Ledgerdesk::Testing
