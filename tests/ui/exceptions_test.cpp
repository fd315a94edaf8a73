#include <core/store/sql.h>
#include <core/sync/exceptionresolver.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <tests/support/tempstore.h>
#include <ui/dialogs/exceptioninputdialog.h>
#include <ui/mainwindow.h>
#include <ui/models/exceptionmodel.h>
#include <ui/pages/exceptionspage.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

namespace {

constexpr qint64 kHourMs = 60LL * 60 * 1000;

class ExceptionsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        sku = t.variant(QStringLiteral("FJ-NAVY-M"));
        east = t.location(QStringLiteral("WH-EAST"));
        ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("start"), sku, east, 12)).ok());
    }

    qint64 raise(Core::ExceptionKind kind,
                 const QString &system,
                 const QString &sku,
                 qint64 ageMs = 0,
                 const QString &external = QStringLiteral("9"))
    {
        Core::SyncException e;
        e.kind = kind;
        e.system = system;
        e.entity = QStringLiteral("inventory");
        e.entityKey = Core::InventoryKey{sku, QStringLiteral("WH-EAST"), Core::QuantityName::OnHand}
                          .toString();
        e.baseValue = QStringLiteral("10");
        e.ledgerValue = QStringLiteral("12");
        e.externalValue = external;
        e.errorText = QStringLiteral("values differ");
        return Core::ExceptionStore::raise(t.store().connection(), e, Core::nowUtcMillis() - ageMs)
            .value();
    }

    qint64 outboxRows()
    {
        auto q
            = Core::runQuery(t.store().connection(), QStringLiteral("SELECT COUNT(*) FROM outbox"));
        q.value().next();
        return q.value().value(0).toLongLong();
    }

    Core::ExceptionState stateOf(qint64 id)
    {
        return Core::ExceptionStore(t.store()).get(id).value()->state;
    }

    void select(Ui::ExceptionsPage &page, qint64 id)
    {
        const int row = page.model()->rowOf(id);
        ASSERT_GE(row, 0);
        page.view()->selectRow(row);
    }

    TempStore t;
    Core::VariantId sku = 0;
    Core::LocationId east = 0;
};

} // namespace

TEST_F(ExceptionsTest, modelPassesTheTesterAndFiltersChangeRows)
{
    const qint64 conflict
        = raise(Core::ExceptionKind::Conflict, QStringLiteral("wms"), QStringLiteral("FJ-NAVY-M"));
    raise(Core::ExceptionKind::UnknownSku,
          QStringLiteral("shopify"),
          QStringLiteral("NOPE-1"),
          30 * kHourMs);
    const qint64 assigned = raise(Core::ExceptionKind::StaleWrite,
                                  QStringLiteral("erp"),
                                  QStringLiteral("FJ-NAVY-S"),
                                  2 * kHourMs);
    ASSERT_TRUE(Core::ExceptionStore(t.store())
                    .assign(assigned, QStringLiteral("maria"), QStringLiteral("lead"))
                    .ok());

    Ui::ExceptionModel model(t.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(model.refresh());
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.columnCount(), Ui::ExceptionModel::ColumnCount);

    model.setSystemFilter(QStringLiteral("wms"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.exceptionAt(0)->id, conflict);
    EXPECT_EQ(model.index(0, Ui::ExceptionModel::TheirsColumn).data().toString(),
              QStringLiteral("9"));
    model.setSystemFilter(QString());

    model.setKindFilter(Core::ExceptionKind::UnknownSku);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, Ui::ExceptionModel::SystemColumn).data().toString(),
              QStringLiteral("shopify"));
    model.setKindFilter(std::nullopt);

    model.setAssigneeFilter(QStringLiteral("maria"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.exceptionAt(0)->id, assigned);
    model.setAssigneeFilter(QString());

    model.setOlderThanFilter(kHourMs);
    EXPECT_EQ(model.rowCount(), 2);
    model.setOlderThanFilter(24 * kHourMs);
    EXPECT_EQ(model.rowCount(), 1);
    model.setOlderThanFilter(0);

    model.setStateFilter(Core::ExceptionState::Resolved);
    EXPECT_EQ(model.rowCount(), 0);
    model.setStateFilter(std::nullopt);
    EXPECT_EQ(model.rowCount(), 3);
}

TEST_F(ExceptionsTest, acceptTheirsClickedInTheInboxMovesTheLedgerAndClosesTheException)
{
    const qint64 id
        = raise(Core::ExceptionKind::Conflict, QStringLiteral("wms"), QStringLiteral("FJ-NAVY-M"));
    Ui::ExceptionsPage page(t.store());
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.setActor(QStringLiteral("maria"));
    page.show();
    EXPECT_EQ(page.title(), QStringLiteral("Exceptions 1"));
    select(page, id);
    EXPECT_EQ(page.detailText(), QStringLiteral("10 / 12 / 9"));
    EXPECT_GE(page.historyList()->count(), 1);

    QPushButton *accept = page.button(QStringLiteral("acceptTheirs"));
    ASSERT_NE(accept, nullptr);
    ASSERT_TRUE(accept->isEnabled());
    QTest::mouseClick(accept, Qt::LeftButton);

    EXPECT_EQ(page.errorText(), QString());
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 9);
    EXPECT_EQ(stateOf(id), Core::ExceptionState::Resolved);
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(page.model()->rowOf(id), -1); // the inbox shows unresolved ones
    EXPECT_EQ(page.openCount(), 0);
    EXPECT_EQ(page.title(), QStringLiteral("Exceptions"));
}

TEST_F(ExceptionsTest, keepOursClickedInTheInboxQueuesThePushAndLeavesTheLedger)
{
    const qint64 id = raise(
        Core::ExceptionKind::Conflict, QStringLiteral("shopify"), QStringLiteral("FJ-NAVY-M"));
    Ui::ExceptionsPage page(t.store());
    page.show();
    select(page, id);
    QTest::mouseClick(page.button(QStringLiteral("keepOurs")), Qt::LeftButton);
    EXPECT_EQ(page.errorText(), QString());
    EXPECT_EQ(outboxRows(), 1);
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 12);
    EXPECT_EQ(stateOf(id), Core::ExceptionState::Resolved);
    EXPECT_EQ(page.model()->rowCount(), 0);
}

TEST_F(ExceptionsTest, aWmsCountIsNotOfferedAPush_andThePaneSaysWhatToDoInstead)
{
    const qint64 id
        = raise(Core::ExceptionKind::Conflict, QStringLiteral("wms"), QStringLiteral("FJ-NAVY-M"));
    Ui::ExceptionsPage page(t.store());
    page.show();
    select(page, id);
    for (const char *name : {"keepOurs", "setValue", "retry"}) {
        EXPECT_FALSE(page.button(QString::fromLatin1(name))->isEnabled()) << name;
    }
    EXPECT_TRUE(page.button(QStringLiteral("acceptTheirs"))->isEnabled());
    EXPECT_TRUE(page.button(QStringLiteral("ignore"))->isEnabled());
    EXPECT_TRUE(
        page.button(QStringLiteral("keepOurs"))->toolTip().contains(QStringLiteral("count")));
    QTest::mouseClick(page.button(QStringLiteral("keepOurs")), Qt::LeftButton);
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(stateOf(id), Core::ExceptionState::Open);
    auto *text = page.findChild<QLabel *>(QStringLiteral("exceptionErrorText"));
    ASSERT_NE(text, nullptr);
    EXPECT_TRUE(text->text().contains(QStringLiteral("count the stock")))
        << text->text().toStdString();
}

TEST_F(ExceptionsTest, ignoreWithoutAReasonChangesNothingAndSaysWhy)
{
    const qint64 id
        = raise(Core::ExceptionKind::Conflict, QStringLiteral("wms"), QStringLiteral("FJ-NAVY-M"));
    Ui::ExceptionsPage page(t.store());
    page.show();
    select(page, id);
    bool sawDialog = false;
    // The reason dialog is modal: confirm it with the reason left empty.
    QTimer::singleShot(0, &page, [&sawDialog] {
        if (auto *dialog
            = qobject_cast<Ui::ExceptionInputDialog *>(QApplication::activeModalWidget())) {
            sawDialog = true;
            dialog->accept();
        }
    });
    QTest::mouseClick(page.button(QStringLiteral("ignore")), Qt::LeftButton);
    EXPECT_TRUE(sawDialog);
    EXPECT_TRUE(page.errorText().contains(QStringLiteral("reason")))
        << page.errorText().toStdString();
    EXPECT_EQ(stateOf(id), Core::ExceptionState::Open);
    EXPECT_EQ(page.model()->rowOf(id), 0);
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 12);
}

TEST_F(ExceptionsTest, bulkAcknowledgeAndAFailedActionShowsTheCoresMessage)
{
    const qint64 a
        = raise(Core::ExceptionKind::Conflict, QStringLiteral("wms"), QStringLiteral("FJ-NAVY-M"));
    const qint64 b = raise(
        Core::ExceptionKind::UnknownSku, QStringLiteral("shopify"), QStringLiteral("NOPE-1"));
    Ui::ExceptionsPage page(t.store());
    page.show();
    page.view()->selectAll();
    QTest::mouseClick(page.button(QStringLiteral("acknowledge")), Qt::LeftButton);
    EXPECT_EQ(stateOf(a), Core::ExceptionState::Acknowledged);
    EXPECT_EQ(stateOf(b), Core::ExceptionState::Acknowledged);
    EXPECT_EQ(page.model()->rowCount(), 2);

    // Retry needs a failed push; a conflict has none, so it is not offered, and the core
    // refuses it all the same.
    select(page, a);
    EXPECT_FALSE(page.button(QStringLiteral("retry"))->isEnabled());
    EXPECT_FALSE(Core::ExceptionResolver(t.store()).retry(a, QStringLiteral("maria")).ok());
    EXPECT_EQ(stateOf(a), Core::ExceptionState::Acknowledged);
    EXPECT_EQ(outboxRows(), 0);
}

TEST_F(ExceptionsTest, pickingAFilterInThePageChangesTheRows)
{
    raise(Core::ExceptionKind::Conflict, QStringLiteral("wms"), QStringLiteral("FJ-NAVY-M"));
    raise(Core::ExceptionKind::UnknownSku, QStringLiteral("shopify"), QStringLiteral("NOPE-1"));
    Ui::ExceptionsPage page(t.store());
    page.show();
    ASSERT_EQ(page.model()->rowCount(), 2);
    auto *system = page.findChild<QComboBox *>(QStringLiteral("systemFilter"));
    ASSERT_NE(system, nullptr);
    system->setCurrentIndex(system->findData(QStringLiteral("shopify")));
    ASSERT_EQ(page.model()->rowCount(), 1);
    EXPECT_EQ(page.model()->exceptionAt(0)->kind, Core::ExceptionKind::UnknownSku);
    auto *state = page.findChild<QComboBox *>(QStringLiteral("stateFilter"));
    state->setCurrentIndex(state->findData(QStringLiteral("resolved")));
    EXPECT_EQ(page.model()->rowCount(), 0);
}

TEST_F(ExceptionsTest, causesAreCountedAndOneCauseIsPickedAndBulkResolvedInOneStep)
{
    for (const char *sku : {"FJ-NAVY-M", "FJ-NAVY-L", "FJ-NAVY-S"}) {
        raise(Core::ExceptionKind::Conflict, QStringLiteral("shopify"), QString::fromLatin1(sku));
    }
    raise(Core::ExceptionKind::StaleWrite, QStringLiteral("shopify"), QStringLiteral("FJ-RED-M"));
    raise(Core::ExceptionKind::UnknownSku, QStringLiteral("shopify"), QStringLiteral("NOPE-1"));
    raise(Core::ExceptionKind::UnknownLocation, QStringLiteral("erp"), QStringLiteral("NOPE-2"));
    Ui::ExceptionsPage page(t.store());
    page.show();
    auto *cause = page.findChild<QComboBox *>(QStringLiteral("causeFilter"));
    ASSERT_NE(cause, nullptr);
    ASSERT_EQ(cause->count(), 3); // all, figures differ, unknown SKU or location
    EXPECT_EQ(cause->itemText(0), QStringLiteral("All causes (6)"));
    const int differ = cause->findData(QStringLiteral("value-conflict"));
    ASSERT_GE(differ, 0);
    EXPECT_EQ(cause->itemText(differ), QStringLiteral("Figures differ (4)"));
    EXPECT_EQ(cause->itemText(cause->findData(QStringLiteral("missing-mapping"))),
              QStringLiteral("Unknown SKU or location (2)"));

    cause->setCurrentIndex(differ);
    ASSERT_EQ(page.model()->rowCount(), 4);
    // The whole group, one action: ignored with one reason.
    page.view()->selectAll();
    QTimer::singleShot(0, &page, [] {
        if (auto *dialog
            = qobject_cast<Ui::ExceptionInputDialog *>(QApplication::activeModalWidget())) {
            if (auto *reason = dialog->findChild<QLineEdit *>()) {
                reason->setText(QStringLiteral("recounted everything"));
            }
            dialog->accept();
        }
    });
    QTest::mouseClick(page.button(QStringLiteral("ignore")), Qt::LeftButton);
    EXPECT_EQ(page.errorText(), QString());
    EXPECT_EQ(page.model()->rowCount(), 0);
    EXPECT_EQ(cause->itemText(0), QStringLiteral("All causes (2)"));
    EXPECT_EQ(cause->currentData().toString(), QStringLiteral("value-conflict"));
}

TEST_F(ExceptionsTest, headerShowsTheOldestOpenExceptionRedPastADay)
{
    raise(Core::ExceptionKind::Conflict,
          QStringLiteral("wms"),
          QStringLiteral("FJ-NAVY-M"),
          2 * kHourMs);
    Ui::ExceptionsPage page(t.store());
    EXPECT_EQ(page.oldestText(), QStringLiteral("Oldest open: 2 h"));
    auto *oldest = page.findChild<QLabel *>(QStringLiteral("oldest"));
    ASSERT_NE(oldest, nullptr);
    EXPECT_FALSE(oldest->styleSheet().contains(QStringLiteral("color")));

    raise(Core::ExceptionKind::UnknownSku,
          QStringLiteral("shopify"),
          QStringLiteral("NOPE-1"),
          26 * kHourMs);
    page.refresh();
    EXPECT_EQ(page.oldestText(), QStringLiteral("Oldest open: 1 d 2 h"));
    EXPECT_TRUE(oldest->styleSheet().contains(QStringLiteral("color")));
    EXPECT_EQ(page.title(), QStringLiteral("Exceptions 2"));
}

TEST_F(ExceptionsTest, setValueTakesTheDialogsValueIntoTheLedgerAndPushesIt)
{
    const qint64 id = raise(
        Core::ExceptionKind::Conflict, QStringLiteral("shopify"), QStringLiteral("FJ-NAVY-M"));
    Ui::ExceptionsPage page(t.store());
    page.show();
    select(page, id);
    QTimer::singleShot(0, &page, [] {
        if (auto *dialog
            = qobject_cast<Ui::ExceptionInputDialog *>(QApplication::activeModalWidget())) {
            auto *spin = dialog->findChild<QSpinBox *>();
            if (spin) {
                spin->setValue(7);
            }
            dialog->accept();
        }
    });
    QTest::mouseClick(page.button(QStringLiteral("setValue")), Qt::LeftButton);
    EXPECT_EQ(page.errorText(), QString());
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 7);
    EXPECT_EQ(stateOf(id), Core::ExceptionState::Resolved);
    EXPECT_EQ(outboxRows(), 1);
}

TEST_F(ExceptionsTest, theNavigationShowsTheOpenCountAndCtrl2OpensTheInbox)
{
    raise(Core::ExceptionKind::Conflict, QStringLiteral("wms"), QStringLiteral("FJ-NAVY-M"));
    raise(Core::ExceptionKind::UnknownSku, QStringLiteral("shopify"), QStringLiteral("NOPE-1"));
    Ui::MainWindow window(t.store());
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    ASSERT_NE(navigation, nullptr);
    ASSERT_GE(navigation->count(), 3);
    EXPECT_EQ(navigation->item(1)->text(), QStringLiteral("Exceptions 2"));
    EXPECT_EQ(navigation->item(2)->text(), QStringLiteral("Sync health"));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(window.currentPage(), window.page(QStringLiteral("exceptions")));
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    EXPECT_EQ(window.currentPage(), window.page(QStringLiteral("sync-health")));

    auto *page = qobject_cast<Ui::ExceptionsPage *>(window.page(QStringLiteral("exceptions")));
    page->view()->selectAll();
    QTimer::singleShot(0, page, [] {
        if (auto *dialog
            = qobject_cast<Ui::ExceptionInputDialog *>(QApplication::activeModalWidget())) {
            auto *reason = dialog->findChild<QLineEdit *>();
            if (reason) {
                reason->setText(QStringLiteral("test data"));
            }
            dialog->accept();
        }
    });
    QTest::mouseClick(page->button(QStringLiteral("ignore")), Qt::LeftButton);
    EXPECT_EQ(page->model()->rowCount(), 0);
    EXPECT_EQ(navigation->item(1)->text(), QStringLiteral("Exceptions"));
}
