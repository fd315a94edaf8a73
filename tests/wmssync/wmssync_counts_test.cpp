#include "wmssyncfixture.h"

#include <core/domain/timestamp.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/ownershipmap.h>

#include <QDir>
#include <QFile>

using namespace Ledgerdesk;
using namespace Ledgerdesk::Testing;

namespace {

// A count written after anything the stand-in has written so far, so it is never stale.
QByteArray countedLater()
{
    return Core::formatIsoTimestamp(Core::nowUtcMillis() + 1000).toUtf8();
}

QByteArray snapshotRow(const QString &sku, const QString &location, qint64 onHand)
{
    return sku.toUtf8() + ',' + location.toUtf8() + ',' + QByteArray::number(onHand) + ','
           + QByteArray::number(onHand) + ',' + countedLater() + '\n';
}

const QByteArray kSnapshotHeader = "sku,location,on_hand,available,counted_at\n";

void giveOnHandTo(Core::Store &store, const QString &system)
{
    ASSERT_TRUE(Core::OwnershipMap(store)
                    .setOwner(QStringLiteral("on_hand"), system, QStringLiteral("ana"))
                    .ok());
}

bool stocked(const Core::Quantities &q)
{
    return q.available() >= 10;
}

} // namespace

TEST_F(WmsSyncTest, snapshotEqualToLedger_changesNothingAndRecordsTheBase)
{
    m_wms->writeSnapshotNow();
    const QStringList written = files(QStringLiteral("outbound"));
    ASSERT_EQ(written.size(), 1);
    const Cell c = cell(stocked);

    const Core::SyncCycleReport report = cycle();

    EXPECT_EQ(report.pulled, qint64(m_catalog.variantCount()) * m_wms->locations().size());
    EXPECT_EQ(report.applied, 0);
    EXPECT_EQ(report.conflicts, 0);
    EXPECT_EQ(postingCount(), 0);
    EXPECT_TRUE(openExceptions().isEmpty());
    EXPECT_EQ(base(c), QString::number(balance(c).onHand()));
    EXPECT_TRUE(files(QStringLiteral("outbound")).isEmpty());
    EXPECT_EQ(files(QStringLiteral("archive")), written);
}

TEST_F(WmsSyncTest, driftedCount_isTakenBecauseTheWmsOwnsOnHand_andTheBaseAdvances)
{
    m_wms->writeSnapshotNow();
    cycle();
    Sandbox::WmsFaults faults;
    faults.driftRate = 1.0;
    m_wms->setFaults(faults);
    m_wms->writeSnapshotNow();
    QList<Cell> drifted;
    for (const Core::DemoStyle &style : m_catalog.styles()) {
        for (const Core::DemoVariant &variant : style.variants) {
            for (const QString &location : m_wms->locations()) {
                const Cell c{
                    variant.sku, location, m_temp.variant(variant.sku), m_temp.location(location)};
                if (m_wms->onHand(c.sku, c.location) != balance(c).onHand()) {
                    drifted << c;
                }
            }
        }
    }
    ASSERT_GT(drifted.size(), 10);

    const Core::SyncCycleReport report = cycle();

    EXPECT_EQ(report.applied + report.conflicts, drifted.size());
    EXPECT_GT(report.applied, drifted.size() / 2);
    EXPECT_EQ(postingCount(QStringLiteral("count")), report.applied);
    qint64 taken = 0;
    for (const Cell &c : drifted) {
        const qint64 counted = m_wms->onHand(c.sku, c.location);
        if (balance(c).onHand() == counted) {
            ++taken;
            EXPECT_EQ(base(c), QString::number(counted)) << c.sku.toStdString();
        }
    }
    EXPECT_EQ(taken, report.applied);
    // A count below what the ledger holds committed cannot be taken; it waits for a person.
    for (const Core::SyncException &e : openExceptions()) {
        EXPECT_EQ(e.kind, Core::ExceptionKind::Conflict);
        EXPECT_TRUE(e.errorText.contains(QStringLiteral("available would become")));
    }

    // The next count agrees with the new base: nothing more to take.
    m_wms->setFaults(Sandbox::WmsFaults());
    m_wms->writeSnapshotNow();
    const Core::SyncCycleReport again = cycle();
    EXPECT_EQ(again.applied, 0);
    EXPECT_EQ(again.conflicts, report.conflicts);
}

TEST_F(WmsSyncTest, bothChanged_withOwnershipAwayFromWms_raisesAnExceptionWithAllThreeValues)
{
    m_wms->writeSnapshotNow();
    cycle();
    const Cell c = cell(stocked);
    const qint64 agreed = balance(c).onHand();
    giveOnHandTo(m_temp.store(), QStringLiteral("erp"));
    ASSERT_TRUE(m_temp.ledger()
                    .post(adjustment(QStringLiteral("manual-1"), c.variantId, c.locationId, 2))
                    .ok());
    dropOutbound(QStringLiteral("inventory_snapshot_both.csv"),
                 kSnapshotHeader + snapshotRow(c.sku, c.location, agreed - 3));

    const Core::SyncCycleReport report = cycle();

    EXPECT_EQ(report.applied, 0);
    EXPECT_EQ(report.conflicts, 1);
    const QList<Core::SyncException> open = openExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.first().kind, Core::ExceptionKind::Conflict);
    EXPECT_EQ(open.first().entity, QStringLiteral("inventory"));
    EXPECT_EQ(open.first().entityKey, onHandKey(c));
    EXPECT_EQ(open.first().baseValue, QString::number(agreed));
    EXPECT_EQ(open.first().ledgerValue, QString::number(agreed + 2));
    EXPECT_EQ(open.first().externalValue, QString::number(agreed - 3));
    EXPECT_EQ(balance(c).onHand(), agreed + 2);
    EXPECT_EQ(base(c), QString::number(agreed));
    EXPECT_EQ(postingCount(), 0);

    // A recount that finds the ledger's figure settles the exception and becomes the base.
    dropOutbound(QStringLiteral("inventory_snapshot_recount.csv"),
                 kSnapshotHeader + snapshotRow(c.sku, c.location, agreed + 2));
    const Core::SyncCycleReport recount = cycle();
    EXPECT_EQ(recount.applied, 0);
    EXPECT_EQ(recount.conflicts, 0);
    EXPECT_TRUE(openExceptions().isEmpty());
    EXPECT_EQ(base(c), QString::number(agreed + 2));
}

TEST_F(WmsSyncTest, aLedgerOnlyChangeWaitsForTheWarehouse_andRaisesNothing)
{
    m_wms->writeSnapshotNow();
    cycle();
    const Cell c = cell(stocked);
    const qint64 agreed = balance(c).onHand();
    // Sold and shipped elsewhere; the warehouse has not counted it yet.
    ASSERT_TRUE(m_temp.ledger()
                    .post(adjustment(QStringLiteral("sold-1"), c.variantId, c.locationId, -2))
                    .ok());
    dropOutbound(QStringLiteral("inventory_snapshot_before.csv"),
                 kSnapshotHeader + snapshotRow(c.sku, c.location, agreed));
    const Core::SyncCycleReport before = cycle();
    EXPECT_EQ(before.conflicts, 0);
    EXPECT_TRUE(openExceptions().isEmpty());
    EXPECT_EQ(balance(c).onHand(), agreed - 2);
    // The count catches up: the two agree again and that is the new base.
    dropOutbound(QStringLiteral("inventory_snapshot_after.csv"),
                 kSnapshotHeader + snapshotRow(c.sku, c.location, agreed - 2));
    EXPECT_EQ(cycle().conflicts, 0);
    EXPECT_TRUE(openExceptions().isEmpty());
    EXPECT_EQ(base(c), QString::number(agreed - 2));
}

TEST_F(WmsSyncTest, driftWhileAnotherSystemOwnsOnHand_isOneExceptionHoweverOftenItIsCounted)
{
    m_wms->writeSnapshotNow();
    cycle();
    const Cell c = cell(stocked);
    const qint64 agreed = balance(c).onHand();
    giveOnHandTo(m_temp.store(), QStringLiteral("shopify"));
    for (int n = 0; n < 3; ++n) {
        dropOutbound(QStringLiteral("inventory_snapshot_drift_%1.csv").arg(n),
                     kSnapshotHeader + snapshotRow(c.sku, c.location, agreed + 4));
        cycle();
    }
    const QList<Core::SyncException> open = openExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.first().externalValue, QString::number(agreed + 4));
    EXPECT_TRUE(open.first().errorText.contains(QStringLiteral("shopify")))
        << open.first().errorText.toStdString();
    EXPECT_EQ(balance(c).onHand(), agreed); // the owner's figure stands
    EXPECT_EQ(postingCount(), 0);
    const auto history = Core::ExceptionStore(m_temp.store()).get(open.first().id);
    ASSERT_TRUE(history.ok() && history.value().has_value());
    EXPECT_EQ(history.value().value().history.size(), 1);
}

TEST_F(WmsSyncTest, lineTheLedgerRefuses_rejectsTheWholeFileWithItsLine)
{
    const Cell a = cell(stocked);
    const Cell b = cell(stocked, {a.sku + u'@' + a.location});
    const Core::Quantities aBefore = balance(a);
    const QString name = QStringLiteral("inventory_snapshot_taken.csv");
    // Someone already posted under the reference the count of line 3 would use.
    Core::PostingRequest squatter
        = adjustment(name + QStringLiteral(":3"), b.variantId, b.locationId, 1);
    squatter.source = QStringLiteral("wms");
    ASSERT_TRUE(m_temp.ledger().post(squatter).ok());
    const Core::Quantities bBefore = balance(b);
    dropOutbound(name,
                 kSnapshotHeader + snapshotRow(a.sku, a.location, aBefore.onHand() - 1)
                     + snapshotRow(b.sku, b.location, bBefore.onHand() - 1));

    const Core::SyncCycleReport report = cycle();

    EXPECT_EQ(report.applied, 0);
    EXPECT_EQ(balance(a), aBefore);
    EXPECT_EQ(balance(b), bBefore);
    const QList<Core::SyncException> open = openExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.first().entityKey, name);
    EXPECT_TRUE(open.first().errorText.startsWith(name + QStringLiteral(":3: ")))
        << open.first().errorText.toStdString();
    EXPECT_TRUE(files(QStringLiteral("outbound")).isEmpty());
    // A later file is not held up behind it.
    dropOutbound(QStringLiteral("inventory_snapshot_later.csv"),
                 kSnapshotHeader + snapshotRow(a.sku, a.location, aBefore.onHand() - 1));
    EXPECT_EQ(cycle().applied, 1);
    EXPECT_EQ(balance(a).onHand(), aBefore.onHand() - 1);
}

TEST_F(WmsSyncTest, malformedSnapshot_appliesNothingAndRaisesOneExceptionNamingFileAndLine)
{
    m_wms->writeSnapshotNow();
    cycle();
    const Cell a = cell(stocked);
    const Cell b = cell(stocked, {a.sku + u'@' + a.location});
    const Core::Quantities before = balance(a);
    const QString name = QStringLiteral("inventory_snapshot_broken.csv");
    dropOutbound(name,
                 kSnapshotHeader + snapshotRow(a.sku, a.location, before.onHand() - 2)
                     + b.sku.toUtf8() + ',' + b.location.toUtf8() + ",7x,7," + countedLater()
                     + '\n');

    const Core::SyncCycleReport report = cycle();

    EXPECT_EQ(report.applied, 0);
    EXPECT_EQ(report.conflicts, 1);
    EXPECT_EQ(balance(a), before);
    EXPECT_EQ(base(a), QString::number(before.onHand()));
    EXPECT_EQ(postingCount(), 0);
    QList<Core::SyncException> open = openExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.first().kind, Core::ExceptionKind::Validation);
    EXPECT_EQ(open.first().entity, QStringLiteral("file"));
    EXPECT_EQ(open.first().entityKey, name);
    EXPECT_EQ(open.first().errorText,
              name + QStringLiteral(":3: on_hand \"7x\" is not a whole number"));

    // An unknown SKU, a bad header and a timestamp without a zone are refused the same way.
    dropOutbound(QStringLiteral("inventory_snapshot_sku.csv"),
                 kSnapshotHeader + snapshotRow(QStringLiteral("NOPE-1"), a.location, 4));
    dropOutbound(QStringLiteral("shipment_header.csv"), "order,sku,qty\nSO-1,X,1\n");
    dropOutbound(QStringLiteral("receipt_time.csv"),
                 "asn_reference,sku,quantity,location,received_at\nASN-1," + a.sku.toUtf8() + ",4,"
                     + a.location.toUtf8() + ",2026-01-01T10:00:00\n");
    EXPECT_EQ(cycle().conflicts, 3);
    QStringList texts;
    for (const Core::SyncException &e : openExceptions()) {
        texts << e.errorText;
    }
    EXPECT_TRUE(
        texts.contains(QStringLiteral("inventory_snapshot_sku.csv:2: unknown SKU \"NOPE-1\"")))
        << texts.join(u'\n').toStdString();
    EXPECT_TRUE(texts.filter(QStringLiteral("shipment_header.csv:1: the header must be")).size()
                == 1);
    EXPECT_TRUE(texts.filter(QStringLiteral("receipt_time.csv:2: received_at")).size() == 1);

    // The stand-in's own broken files (a bad number or a missing column) too.
    Sandbox::WmsFaults faults;
    faults.malformedRate = 1.0;
    m_wms->setFaults(faults);
    m_wms->writeSnapshotNow();
    EXPECT_EQ(cycle().conflicts, 1);
    EXPECT_EQ(openExceptions().size(), 5);
    EXPECT_EQ(balance(a), before);
    EXPECT_EQ(postingCount(), 0);
    EXPECT_TRUE(files(QStringLiteral("outbound")).isEmpty());
}

TEST_F(WmsSyncTest, sameFileTwice_appliesOnce)
{
    m_wms->writeSnapshotNow();
    cycle();
    const Cell c = cell(stocked);
    const qint64 agreed = balance(c).onHand();
    const QString name = QStringLiteral("inventory_snapshot_recount.csv");
    dropOutbound(name, kSnapshotHeader + snapshotRow(c.sku, c.location, agreed - 2));
    EXPECT_EQ(cycle().applied, 1);
    EXPECT_EQ(balance(c).onHand(), agreed - 2);
    EXPECT_EQ(base(c), QString::number(agreed - 2));

    // The WMS puts the very same file down again.
    ASSERT_TRUE(QFile::copy(QDir(path(QStringLiteral("archive"))).filePath(name),
                            QDir(path(QStringLiteral("outbound"))).filePath(name)));
    const Core::SyncCycleReport again = cycle();

    EXPECT_EQ(again.applied, 0);
    EXPECT_EQ(again.conflicts, 0);
    EXPECT_EQ(balance(c).onHand(), agreed - 2);
    EXPECT_EQ(postingCount(QStringLiteral("count")), 1);
    EXPECT_TRUE(openExceptions().isEmpty());
    EXPECT_TRUE(files(QStringLiteral("outbound")).isEmpty());
    EXPECT_TRUE(files(QStringLiteral("archive")).contains(name + QStringLiteral(".2")));
}

TEST_F(WmsSyncTest, olderSnapshotAfterANewerOne_isStaleAndChangesNothing)
{
    const Cell c = cell(stocked);
    const qint64 agreed = balance(c).onHand();
    dropOutbound(QStringLiteral("inventory_snapshot_new.csv"),
                 kSnapshotHeader + snapshotRow(c.sku, c.location, agreed - 1));
    EXPECT_EQ(cycle().applied, 1);
    dropOutbound(QStringLiteral("inventory_snapshot_old.csv"),
                 kSnapshotHeader + c.sku.toUtf8() + ',' + c.location.toUtf8() + ','
                     + QByteArray::number(agreed - 5) + ",0,2020-01-01T00:00:00Z\n");

    EXPECT_EQ(cycle().applied, 0);
    EXPECT_EQ(balance(c).onHand(), agreed - 1);
    EXPECT_TRUE(files(QStringLiteral("outbound")).isEmpty());
}

TEST_F(WmsSyncTest, open_refusesAMissingFolderNamingIt)
{
    Core::ConnectionSettings settings;
    settings.system = QStringLiteral("wms");
    settings.options
        = QJsonObject{{QStringLiteral("inboundFolder"), path(QStringLiteral("inbound"))},
                      {QStringLiteral("outboundFolder"), path(QStringLiteral("nowhere"))},
                      {QStringLiteral("archiveFolder"), path(QStringLiteral("archive"))}};
    Core::WmsConnector connector(m_temp.store(), settings);
    const Core::Status opened = connector.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("outboundFolder")));
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("nowhere")));
    EXPECT_FALSE(connector.runCycle().error.isEmpty());

    settings.options = QJsonObject{{QStringLiteral("rootFolder"), m_dir.path()}};
    Core::WmsConnector byRoot(m_temp.store(), settings);
    EXPECT_TRUE(byRoot.open().ok());
}
