#include <app/sandbox/wms/wmsdropfolder.h>
#include <core/demo/democatalog.h>

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using namespace Ledgerdesk::Sandbox;

namespace {

QList<QStringList> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QList<QStringList> rows;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty()) {
            rows << QString::fromUtf8(line).split(u',');
        }
    }
    return rows;
}

class WmsDropFolderTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_root = QDir(m_dir.path());
        ASSERT_TRUE(m_root.mkpath(QStringLiteral("inbound")));
    }

    // Senders write a temporary name and rename, as the folder expects of them.
    void drop(const QString &name, const QByteArray &content)
    {
        const QString temp
            = m_root.filePath(QStringLiteral("inbound/.") + name + QStringLiteral(".part"));
        QFile file(temp);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        ASSERT_TRUE(QFile::rename(temp, m_root.filePath(QStringLiteral("inbound/") + name)));
    }

    QStringList files(const QString &folder, const QString &pattern = QStringLiteral("*")) const
    {
        return QDir(m_root.filePath(folder))
            .entryList({pattern}, QDir::Files | QDir::Hidden, QDir::Name);
    }

    // A SKU with at least `minimum` units at WH-EAST in the catalogue.
    QString stockedSku(qint64 minimum) const
    {
        for (int s = 0; s < m_catalog.styles().size(); ++s) {
            for (int v = 0; v < m_catalog.styles().at(s).variants.size(); ++v) {
                if (m_catalog.startingOnHand(s, v, 0) >= minimum) {
                    return m_catalog.styles().at(s).variants.at(v).sku;
                }
            }
        }
        return {};
    }

    Core::DemoCatalog m_catalog = Core::DemoCatalog::generate(2026, 24);
    QTemporaryDir m_dir;
    QDir m_root;
};

} // namespace

TEST_F(WmsDropFolderTest, pickTicket_shipsWritesConfirmationAndIsArchived)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    const QString sku = stockedSku(30);
    ASSERT_FALSE(sku.isEmpty());
    const qint64 before = wms.onHand(sku, QStringLiteral("WH-EAST"));
    drop(QStringLiteral("pick_0001.csv"),
         "order_reference,sku,quantity,location\r\nSO-100," + sku.toUtf8() + ",2,WH-EAST\r\n");
    wms.processNow();

    EXPECT_TRUE(files(QStringLiteral("inbound")).isEmpty());
    EXPECT_EQ(files(QStringLiteral("archive")), QStringList{QStringLiteral("pick_0001.csv")});
    const QStringList shipments
        = files(QStringLiteral("outbound"), QStringLiteral("shipment_*.csv"));
    ASSERT_EQ(shipments.size(), 1);
    const QList<QStringList> rows
        = readCsv(m_root.filePath(QStringLiteral("outbound/") + shipments.first()));
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows.at(0).join(u','),
              u"order_reference,sku,quantity,location,shipped_at,carrier,tracking");
    EXPECT_EQ(rows.at(1).at(0), u"SO-100");
    EXPECT_EQ(rows.at(1).at(1), sku);
    EXPECT_EQ(rows.at(1).at(2), u"2");
    EXPECT_EQ(rows.at(1).at(3), u"WH-EAST");
    EXPECT_TRUE(QDateTime::fromString(rows.at(1).at(4), Qt::ISODateWithMs).isValid());
    EXPECT_FALSE(rows.at(1).at(6).isEmpty());
    EXPECT_EQ(wms.onHand(sku, QStringLiteral("WH-EAST")), before - 2);

    // The same file again, and the same order under another name: neither is applied twice.
    drop(QStringLiteral("pick_0001.csv"),
         "order_reference,sku,quantity,location\nSO-100," + sku.toUtf8() + ",2,WH-EAST\n");
    drop(QStringLiteral("pick_0002.csv"),
         "order_reference,sku,quantity,location\nSO-100," + sku.toUtf8() + ",2,WH-EAST\n");
    wms.processNow();
    EXPECT_EQ(wms.onHand(sku, QStringLiteral("WH-EAST")), before - 2);
    EXPECT_EQ(files(QStringLiteral("outbound"), QStringLiteral("shipment_*.csv")).size(), 1);
    EXPECT_EQ(files(QStringLiteral("archive")).size(), 3);
    EXPECT_EQ(wms.inspect()
                  .value(QStringLiteral("counters"))
                  .toObject()
                  .value(QStringLiteral("duplicates"))
                  .toInt(),
              2);
}

TEST_F(WmsDropFolderTest, pickTicket_beyondStockShipsWhatIsAvailable)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    const QString sku = stockedSku(1);
    const qint64 available = wms.onHand(sku, QStringLiteral("WH-EAST"));
    drop(QStringLiteral("pick_big.csv"),
         "order_reference,sku,quantity,location\nSO-200," + sku.toUtf8() + ",100000,WH-EAST\n");
    wms.processNow();
    const QStringList shipments
        = files(QStringLiteral("outbound"), QStringLiteral("shipment_*.csv"));
    ASSERT_EQ(shipments.size(), 1);
    const QList<QStringList> rows
        = readCsv(m_root.filePath(QStringLiteral("outbound/") + shipments.first()));
    ASSERT_EQ(rows.size(), 2);
    EXPECT_LE(rows.at(1).at(2).toLongLong(), available);
    EXPECT_EQ(wms.onHand(sku, QStringLiteral("WH-EAST")),
              available - rows.at(1).at(2).toLongLong());
    EXPECT_GE(wms.onHand(sku, QStringLiteral("WH-EAST")), 0);
}

TEST_F(WmsDropFolderTest, malformedTicket_getsErrorFileAndNothingIsApplied)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    const QString sku = stockedSku(5);
    const qint64 before = wms.onHand(sku, QStringLiteral("WH-EAST"));
    const QByteArray good = "SO-300," + sku.toUtf8() + ",1,WH-EAST\n";
    drop(QStringLiteral("pick_unknown_sku.csv"),
         "order_reference,sku,quantity,location\n" + good + "SO-300,NOPE-123,1,WH-EAST\n");
    drop(QStringLiteral("pick_bad_quantity.csv"),
         "order_reference,sku,quantity,location\n" + good + "SO-301," + sku.toUtf8()
             + ",1.5,WH-EAST\n");
    drop(QStringLiteral("pick_bad_header.csv"), "order,sku,qty,location\n" + good);
    drop(QStringLiteral("asn_bad_date.csv"),
         "asn_reference,sku,quantity,location,expected_at\nASN-1," + sku.toUtf8()
             + ",4,WH-EAST,soon\n");
    wms.processNow();

    EXPECT_EQ(wms.onHand(sku, QStringLiteral("WH-EAST")), before);
    EXPECT_TRUE(files(QStringLiteral("outbound"), QStringLiteral("shipment_*.csv")).isEmpty());
    EXPECT_TRUE(files(QStringLiteral("archive")).isEmpty());
    EXPECT_EQ(files(QStringLiteral("inbound"), QStringLiteral("*.error.txt")).size(), 4);
    const auto errorText = [&](const QString &name) {
        QFile file(
            m_root.filePath(QStringLiteral("inbound/") + name + QStringLiteral(".error.txt")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    EXPECT_TRUE(errorText(QStringLiteral("pick_unknown_sku.csv"))
                    .contains(QStringLiteral("line 3: unknown SKU \"NOPE-123\"")));
    EXPECT_TRUE(errorText(QStringLiteral("pick_bad_quantity.csv"))
                    .contains(QStringLiteral("line 3: quantity")));
    EXPECT_TRUE(errorText(QStringLiteral("pick_bad_header.csv"))
                    .contains(QStringLiteral("line 1: the header")));
    EXPECT_TRUE(
        errorText(QStringLiteral("asn_bad_date.csv")).contains(QStringLiteral("expected_at")));
    EXPECT_TRUE(files(QStringLiteral("inbound")).contains(QStringLiteral("pick_unknown_sku.csv")));

    wms.processNow(); // answered files are not answered again
    EXPECT_EQ(wms.inspect()
                  .value(QStringLiteral("counters"))
                  .toObject()
                  .value(QStringLiteral("errorFiles"))
                  .toInt(),
              4);
    EXPECT_EQ(wms.onHand(sku, QStringLiteral("WH-EAST")), before);
}

TEST_F(WmsDropFolderTest, asn_isReceivedWhenDueAndConfirmed)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    const QString sku = stockedSku(0);
    const qint64 before = wms.onHand(sku, QStringLiteral("3PL-RENO"));
    const QByteArray past
        = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate).toUtf8();
    const QByteArray future
        = QDateTime::currentDateTimeUtc().addDays(30).toString(Qt::ISODate).toUtf8();
    drop(QStringLiteral("asn_0001.csv"),
         "asn_reference,sku,quantity,location,expected_at\nASN-1," + sku.toUtf8() + ",5,3PL-RENO,"
             + past + "\nASN-2," + sku.toUtf8() + ",7,3PL-RENO," + future + "\n");
    wms.processNow();
    EXPECT_EQ(wms.onHand(sku, QStringLiteral("3PL-RENO")), before + 5);
    EXPECT_EQ(wms.inspect().value(QStringLiteral("pendingAsnLines")).toInt(), 1);
    EXPECT_EQ(wms.inspect().value(QStringLiteral("incoming")).toInt(), 7);
    const QList<QStringList> receipt
        = readCsv(m_root.filePath(QStringLiteral("outbound/receipt_ASN-1.csv")));
    ASSERT_EQ(receipt.size(), 2);
    EXPECT_EQ(receipt.at(0).join(u','), u"asn_reference,sku,quantity,location,received_at");
    EXPECT_EQ(receipt.at(1).at(2), u"5");
    EXPECT_EQ(files(QStringLiteral("archive")), QStringList{QStringLiteral("asn_0001.csv")});
}

TEST_F(WmsDropFolderTest, snapshot_isCompleteWithExpectedColumnsAndNoTemporaryFiles)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    wms.writeSnapshotNow();
    const QStringList outbound = files(QStringLiteral("outbound"));
    ASSERT_EQ(outbound.size(), 1) << outbound.join(u' ').toStdString();
    EXPECT_TRUE(outbound.first().startsWith(QStringLiteral("inventory_snapshot_")));
    EXPECT_TRUE(outbound.first().endsWith(QStringLiteral("Z.csv")));
    const QList<QStringList> rows
        = readCsv(m_root.filePath(QStringLiteral("outbound/") + outbound.first()));
    ASSERT_FALSE(rows.isEmpty());
    EXPECT_EQ(rows.at(0).join(u','), u"sku,location,on_hand,available,counted_at");
    ASSERT_EQ(rows.size() - 1, m_catalog.variantCount() * 3); // WH-EAST, WH-WEST, 3PL-RENO

    QHash<QString, qint64> expected;
    for (int s = 0; s < m_catalog.styles().size(); ++s) {
        for (int v = 0; v < m_catalog.styles().at(s).variants.size(); ++v) {
            for (int l = 0; l < m_catalog.locations().size(); ++l) {
                expected.insert(m_catalog.styles().at(s).variants.at(v).sku + u'@'
                                    + m_catalog.locations().at(l).code,
                                m_catalog.startingOnHand(s, v, l));
            }
        }
    }
    for (int r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        ASSERT_EQ(row.size(), 5);
        EXPECT_EQ(row.at(2).toLongLong(), expected.value(row.at(0) + u'@' + row.at(1)));
        EXPECT_LE(row.at(3).toLongLong(), row.at(2).toLongLong());
        const QDateTime counted = QDateTime::fromString(row.at(4), Qt::ISODateWithMs);
        EXPECT_TRUE(counted.isValid());
        EXPECT_EQ(counted.timeSpec(), Qt::UTC);
    }
}

TEST_F(WmsDropFolderTest, drift_isSeededAndPersistsInTheWmsCounts)
{
    QTemporaryDir otherDir;
    QTemporaryDir thirdDir;
    WmsDropFolder first(m_catalog, m_dir.path(), 9);
    WmsDropFolder second(m_catalog, otherDir.path(), 9);
    WmsDropFolder third(m_catalog, thirdDir.path(), 10);
    WmsFaults faults;
    faults.driftRate = 0.05;
    for (WmsDropFolder *wms : {&first, &second, &third}) {
        wms->setFaults(faults);
        wms->writeSnapshotNow();
    }
    const auto counts = [](const QString &root) {
        const QString name = QDir(root + QStringLiteral("/outbound"))
                                 .entryList({QStringLiteral("inventory_snapshot_*.csv")})
                                 .value(0);
        QStringList result;
        for (const QStringList &row : readCsv(root + QStringLiteral("/outbound/") + name)) {
            result << row.mid(0, 3).join(u',');
        }
        return result;
    };
    const QStringList a = counts(m_dir.path());
    const QStringList b = counts(otherDir.path());
    const QStringList c = counts(thirdDir.path());
    ASSERT_GT(a.size(), 1);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);

    const QJsonArray events = first.inspect().value(QStringLiteral("driftEvents")).toArray();
    ASSERT_GT(events.size(), 0);
    EXPECT_LT(events.size(), a.size() / 5); // now and then, not everywhere
    for (const QJsonValue &event : events) {
        const QJsonObject e = event.toObject();
        const qint64 delta = e.value(QStringLiteral("delta")).toInteger();
        EXPECT_TRUE(delta != 0 && qAbs(delta) <= 3);
        const QString sku = e.value(QStringLiteral("sku")).toString();
        const QString location = e.value(QStringLiteral("location")).toString();
        EXPECT_TRUE(a.contains(sku + u',' + location + u','
                               + QString::number(first.onHand(sku, location))));
    }
}

TEST_F(WmsDropFolderTest, malformedRate_writesABrokenRowTheLedgerMustRefuse)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    WmsFaults faults;
    faults.malformedRate = 1.0;
    wms.setFaults(faults);
    wms.writeSnapshotNow();
    const QString name = files(QStringLiteral("outbound")).value(0);
    int broken = 0;
    for (const QStringList &row :
         readCsv(m_root.filePath(QStringLiteral("outbound/") + name)).mid(1)) {
        bool numeric = false;
        row.value(2).toLongLong(&numeric);
        if (row.size() != 5 || !numeric) {
            ++broken;
        }
    }
    EXPECT_EQ(broken, 1);
    EXPECT_EQ(wms.inspect()
                  .value(QStringLiteral("counters"))
                  .toObject()
                  .value(QStringLiteral("malformedWritten"))
                  .toInt(),
              1);
}

TEST_F(WmsDropFolderTest, down_consumesAndWritesNothing)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    WmsFaults faults;
    faults.down = true;
    wms.setFaults(faults);
    const QString sku = stockedSku(5);
    drop(QStringLiteral("pick_down.csv"),
         "order_reference,sku,quantity,location\nSO-400," + sku.toUtf8() + ",1,WH-EAST\n");
    wms.processNow();
    wms.writeSnapshotNow();
    EXPECT_EQ(files(QStringLiteral("inbound")), QStringList{QStringLiteral("pick_down.csv")});
    EXPECT_TRUE(files(QStringLiteral("outbound")).isEmpty());
    wms.setFaults(WmsFaults());
    wms.processNow();
    EXPECT_TRUE(files(QStringLiteral("inbound")).isEmpty());
}

TEST_F(WmsDropFolderTest, start_runsTheLoopFasterWithTheSpeedKnob)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    wms.setSpeed(600.0); // a business minute in 100 ms
    wms.start();
    EXPECT_EQ(files(QStringLiteral("outbound"), QStringLiteral("inventory_snapshot_*.csv")).size(),
              1);
    const QString sku = stockedSku(5);
    drop(QStringLiteral("pick_loop.csv"),
         "order_reference,sku,quantity,location\nSO-500," + sku.toUtf8() + ",1,WH-EAST\n");
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [this, target = &loop] {
        if (files(QStringLiteral("outbound"), QStringLiteral("inventory_snapshot_*.csv")).size()
                >= 3
            && files(QStringLiteral("archive")).contains(QStringLiteral("pick_loop.csv"))) {
            target->quit();
        }
    });
    poll.start(20);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    wms.stop();
    EXPECT_TRUE(files(QStringLiteral("archive")).contains(QStringLiteral("pick_loop.csv")));
    EXPECT_GE(files(QStringLiteral("outbound"), QStringLiteral("inventory_snapshot_*.csv")).size(),
              3);
    EXPECT_FALSE(wms.inspect().value(QStringLiteral("running")).toBool());
}

TEST_F(WmsDropFolderTest, state_roundTripsAndRefusesForeignState)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    const QString sku = stockedSku(10);
    drop(QStringLiteral("pick_state.csv"),
         "order_reference,sku,quantity,location\nSO-600," + sku.toUtf8() + ",3,WH-EAST\n");
    wms.processNow();
    QTemporaryDir otherDir;
    WmsDropFolder restored(m_catalog, otherDir.path(), 99);
    ASSERT_TRUE(restored.loadState(wms.saveState()));
    EXPECT_EQ(restored.onHand(sku, QStringLiteral("WH-EAST")),
              wms.onHand(sku, QStringLiteral("WH-EAST")));
    EXPECT_EQ(restored.saveState(), wms.saveState());
    EXPECT_FALSE(restored.loadState(
        QJsonObject{{QStringLiteral("format"), QStringLiteral("ledgerdesk-sandbox-erp")}}));
    QJsonObject badStock = wms.saveState();
    badStock.insert(
        QStringLiteral("stock"),
        QJsonArray{QJsonArray{QStringLiteral("NOPE"), QStringLiteral("WH-EAST"), 1, 0}});
    EXPECT_FALSE(restored.loadState(badStock));
    EXPECT_EQ(restored.saveState(), wms.saveState());
}

TEST_F(WmsDropFolderTest, pickTicket_acceptsQuotedFieldsCrlfAndByteOrderMark)
{
    WmsDropFolder wms(m_catalog, m_dir.path(), 5);
    const QString sku = stockedSku(5);
    const qint64 before
        = wms.onHand(sku, QStringLiteral("WH-WEST")) + wms.onHand(sku, QStringLiteral("WH-EAST"));
    drop(QStringLiteral("pick_quoted.csv"),
         "\xEF\xBB\xBForder_reference,sku,quantity,location\r\n\"SO-700\",\"" + sku.toUtf8()
             + "\",1,WH-EAST\r\n\r\n");
    wms.processNow();
    EXPECT_TRUE(files(QStringLiteral("inbound"), QStringLiteral("*.error.txt")).isEmpty());
    EXPECT_EQ(files(QStringLiteral("archive")), QStringList{QStringLiteral("pick_quoted.csv")});
    EXPECT_EQ(wms.onHand(sku, QStringLiteral("WH-WEST"))
                  + wms.onHand(sku, QStringLiteral("WH-EAST")),
              before - 1);

    drop(QStringLiteral("pick_open_quote.csv"),
         "order_reference,sku,quantity,location\n\"SO-701," + sku.toUtf8() + ",1,WH-EAST\n");
    wms.processNow();
    EXPECT_EQ(files(QStringLiteral("inbound"), QStringLiteral("*.error.txt")),
              QStringList{QStringLiteral("pick_open_quote.csv.error.txt")});
}
