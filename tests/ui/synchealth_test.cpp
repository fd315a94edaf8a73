#include <core/store/sql.h>
#include <core/sync/connector.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inbox.h>
#include <core/sync/synccontroller.h>
#include <core/sync/synchistory.h>
#include <tests/support/tempstore.h>
#include <ui/charts/synchealthchart.h>
#include <ui/models/synchealthmodel.h>
#include <ui/pages/synchealthpage.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDeadlineTimer>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

using namespace Ledgerdesk;
using namespace std::chrono_literals;
using Ledgerdesk::Testing::TempStore;

namespace {

constexpr qint64 kMinuteMs = 60LL * 1000;

// Receives and applies one inbox event per cycle through its own thread's connection.
class CountingConnector final : public Core::Connector
{
public:
    CountingConnector(Core::Store &store, std::shared_ptr<std::atomic<int>> cycles)
        : Core::Connector(store)
        , m_cycles(std::move(cycles))
    {}

    QString system() const override { return QStringLiteral("wms"); }

    Core::Status open() override { return Core::success(); }

    Core::SyncCycleReport runCycle() override
    {
        Core::SyncCycleReport report;
        report.system = system();
        const int n = m_cycles->load();
        const Core::UtcMillis now = Core::nowUtcMillis();
        const Core::InboxEvent event{system(),
                                     QStringLiteral("wms-%1").arg(n),
                                     QStringLiteral("probe"),
                                     QStringLiteral("FJ-NAVY-M@WH-EAST:on_hand"),
                                     now - 1000 - n,
                                     "{}"};
        const auto received = Core::Inbox::receive(store().connection(), event, now);
        if (received) {
            (void)Core::Inbox::markApplied(
                store().connection(), received.value().id, QStringLiteral("applied"), now);
            report.applied = 1;
        } else {
            report.error = received.error().message;
        }
        ++*m_cycles;
        return report;
    }

private:
    std::shared_ptr<std::atomic<int>> m_cycles;
};

void addEvent(TempStore &t, const QString &system, const QString &id, Core::UtcMillis appliedAt)
{
    const Core::InboxEvent event{system,
                                 id,
                                 QStringLiteral("probe"),
                                 QStringLiteral("FJ-NAVY-M@WH-EAST:on_hand"),
                                 appliedAt - 500,
                                 "{}"};
    const auto received = Core::Inbox::receive(t.store().connection(), event, appliedAt);
    ASSERT_TRUE(received.ok());
    ASSERT_TRUE(
        Core::Inbox::markApplied(
            t.store().connection(), received.value().id, QStringLiteral("applied"), appliedAt)
            .ok());
}

void raiseAt(TempStore &t, const QString &system, Core::UtcMillis at)
{
    Core::SyncException e;
    e.kind = Core::ExceptionKind::Validation;
    e.system = system;
    e.entity = QStringLiteral("inventory");
    e.entityKey = QStringLiteral("FJ-NAVY-M@WH-EAST:on_hand#%1").arg(at);
    e.errorText = QStringLiteral("bad quantity");
    ASSERT_TRUE(Core::ExceptionStore::raise(t.store().connection(), e, at).ok());
}

} // namespace

TEST(SyncHistory, bucketsAppliedEventsAndOpenExceptionsByTime)
{
    TempStore t;
    const Core::UtcMillis now = Core::nowUtcMillis();
    addEvent(t, QStringLiteral("wms"), QStringLiteral("a"), now - 5 * kMinuteMs);
    addEvent(t, QStringLiteral("wms"), QStringLiteral("b"), now - 6 * kMinuteMs);
    addEvent(t, QStringLiteral("wms"), QStringLiteral("c"), now - 25 * kMinuteMs);
    addEvent(t, QStringLiteral("erp"), QStringLiteral("d"), now - 5 * kMinuteMs);
    addEvent(t, QStringLiteral("wms"), QStringLiteral("old"), now - 7 * 60 * kMinuteMs);
    raiseAt(t, QStringLiteral("wms"), now - 15 * kMinuteMs);

    const auto wms
        = Core::SyncHistory(t.store()).buckets(QStringLiteral("wms"), now, 10 * kMinuteMs, 3);
    ASSERT_TRUE(wms.ok()) << wms.error().message.toStdString();
    ASSERT_EQ(wms.value().size(), 3);
    EXPECT_EQ(wms.value().at(0).applied, 1); // 30..20 min ago
    EXPECT_EQ(wms.value().at(1).applied, 0);
    EXPECT_EQ(wms.value().at(2).applied, 2);
    EXPECT_EQ(wms.value().at(0).openExceptions, 0);
    EXPECT_EQ(wms.value().at(1).exceptionsRaised, 1);
    EXPECT_EQ(wms.value().at(1).openExceptions, 1);
    EXPECT_EQ(wms.value().at(2).openExceptions, 1);
    EXPECT_EQ(wms.value().at(0).start, now - 30 * kMinuteMs);

    const auto all = Core::SyncHistory(t.store()).buckets(QString(), now, 10 * kMinuteMs, 3);
    EXPECT_EQ(all.value().at(2).applied, 3);
    EXPECT_FALSE(Core::SyncHistory(t.store()).buckets(QString(), now, 0, 3).ok());

    const auto last = Core::SyncHistory(t.store()).lastSuccess(QStringLiteral("wms"));
    ASSERT_TRUE(last.ok());
    EXPECT_EQ(last.value(), now - 5 * kMinuteMs);
    EXPECT_FALSE(
        Core::SyncHistory(t.store()).lastSuccess(QStringLiteral("none")).value().has_value());
}

TEST(SyncHealthPage, withoutAControllerShowsLedgerMetricsAndDisablesTheControls)
{
    TempStore t;
    const Core::UtcMillis now = Core::nowUtcMillis();
    addEvent(t, QStringLiteral("wms"), QStringLiteral("a"), now - 5 * kMinuteMs);
    raiseAt(t, QStringLiteral("shopify"), now - 2 * kMinuteMs);
    raiseAt(t, QStringLiteral("shopify"), now - 3 * kMinuteMs);

    Ui::SyncHealthPage page(t.store(), nullptr);
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.show();
    ASSERT_EQ(page.model()->rowCount(), 2);
    const auto cell = [&page](int row, int column) {
        return page.model()->index(row, column).data().toString();
    };
    EXPECT_EQ(cell(0, Ui::SyncHealthModel::SystemColumn), QStringLiteral("shopify"));
    EXPECT_EQ(cell(0, Ui::SyncHealthModel::ErrorsColumn), QStringLiteral("2"));
    EXPECT_EQ(cell(0, Ui::SyncHealthModel::OpenExceptionsColumn), QStringLiteral("2"));
    EXPECT_EQ(cell(0, Ui::SyncHealthModel::LastSuccessColumn), QStringLiteral("never"));
    EXPECT_EQ(cell(1, Ui::SyncHealthModel::SystemColumn), QStringLiteral("wms"));
    EXPECT_EQ(cell(1, Ui::SyncHealthModel::StateColumn), QStringLiteral("Not connected"));
    EXPECT_EQ(cell(1, Ui::SyncHealthModel::LastSuccessColumn), QStringLiteral("5 min ago"));
    EXPECT_EQ(page.chart()->pointCount(), Core::SyncHistory::defaultBucketCount);
    for (QPushButton *b : {page.pauseButton(), page.resumeButton(), page.syncNowButton()}) {
        EXPECT_FALSE(b->isEnabled());
        EXPECT_TRUE(b->toolTip().contains(QStringLiteral("No connections are configured")));
    }
    page.view()->selectRow(1);
    EXPECT_EQ(page.chart()->pointCount(), Core::SyncHistory::defaultBucketCount);
    EXPECT_EQ(page.model()->rowCount(), 2);
}

TEST(SyncHealthPage, syncNowClickedRunsACycleOfTheRunningController)
{
    TempStore t;
    auto cycles = std::make_shared<std::atomic<int>>(0);
    Core::SyncController controller;
    ASSERT_TRUE(
        controller.addConnector(std::make_unique<CountingConnector>(t.store(), cycles), 0ms).ok());

    Ui::SyncHealthPage page(t.store(), &controller);
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.show();
    ASSERT_TRUE(page.syncNowButton()->isEnabled());
    ASSERT_EQ(page.model()->rowCount(), 1);
    EXPECT_EQ(cycles->load(), 0);

    QTest::mouseClick(page.syncNowButton(), Qt::LeftButton);
    const QDeadlineTimer deadline(10'000);
    while (page.model()->index(0, Ui::SyncHealthModel::LastSuccessColumn).data().toString()
               == QStringLiteral("never")
           && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    EXPECT_GE(cycles->load(), 1);
    EXPECT_NE(page.model()->index(0, Ui::SyncHealthModel::LastSuccessColumn).data().toString(),
              QStringLiteral("never"));

    const auto waitForState = [&controller](Core::SyncState state) {
        const QDeadlineTimer until(10'000);
        while (controller.status(QStringLiteral("wms")).state != state && !until.hasExpired()) {
            QApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        return controller.status(QStringLiteral("wms")).state == state;
    };
    QTest::mouseClick(page.pauseButton(), Qt::LeftButton);
    EXPECT_TRUE(waitForState(Core::SyncState::Paused));
    QTest::mouseClick(page.resumeButton(), Qt::LeftButton);
    EXPECT_TRUE(waitForState(Core::SyncState::Idle));
    controller.stop(5s);
}
