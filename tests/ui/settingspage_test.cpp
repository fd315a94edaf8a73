#include <core/store/sql.h>
#include <core/sync/connectionbook.h>
#include <core/sync/connectionprobe.h>
#include <core/sync/ownershipmap.h>
#include <core/sync/secretstore.h>
#include <tests/sandbox/sandboxprocess.h>
#include <tests/support/tempstore.h>
#include <ui/models/ownershipmodel.h>
#include <ui/pages/connectionform.h>
#include <ui/pages/connectionspanel.h>
#include <ui/pages/demopanel.h>
#include <ui/pages/ownershippanel.h>
#include <ui/pages/settingspage.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::TempStore;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class SettingsPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_bookPath = m_dir.filePath(QStringLiteral("connections.json"));
        m_page = std::make_unique<Ui::SettingsPage>(m_ledger.store(), m_secrets, m_bookPath);
        m_page->resize(1000, 700);
        m_page->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_page.get()));
    }

    Ui::ConnectionsPanel &connections() { return *m_page->connectionsPanel(); }

    Ui::ConnectionForm &form() { return *connections().form(); }

    void type(const QString &field, const QString &text)
    {
        QLineEdit *edit = form().edit(field);
        ASSERT_NE(edit, nullptr) << qPrintable(field);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    void fillShopify(const QString &baseUrl, const QString &token)
    {
        ASSERT_TRUE(connections().selectSystem(QStringLiteral("shopify")));
        type(QStringLiteral("baseUrl"), baseUrl);
        type(QStringLiteral("apiVersion"), QStringLiteral("2026-04"));
        type(QStringLiteral("accessToken"), token);
    }

    // Clicks Test connection and waits for the probe's one answer.
    void runTest()
    {
        QSignalSpy finished(connections().probe(), &Core::ConnectionProbe::finished);
        QTest::mouseClick(connections().testButton(), Qt::LeftButton);
        if (finished.isEmpty()) {
            // While it runs the button cannot start a second test and the test can be cancelled.
            EXPECT_FALSE(connections().testButton()->isEnabled());
            EXPECT_TRUE(connections().cancelButton()->isVisible());
            ASSERT_TRUE(finished.wait(20000));
        }
        EXPECT_TRUE(connections().testButton()->isEnabled());
        EXPECT_FALSE(connections().cancelButton()->isVisible());
    }

    TempStore m_ledger;
    Core::InMemorySecretStore m_secrets;
    QTemporaryDir m_dir;
    QString m_bookPath;
    std::unique_ptr<Ui::SettingsPage> m_page;
};

} // namespace

TEST(OwnershipModel, PassesTheModelTesterWhileEdited)
{
    TempStore ledger;
    Ui::OwnershipModel model(ledger.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto map = Core::OwnershipMap(ledger.store()).all();
    ASSERT_TRUE(map.ok());
    ASSERT_EQ(model.rowCount(), map.value().size());
    const int row = model.rowOf(QStringLiteral("price"));
    ASSERT_GE(row, 0);
    EXPECT_EQ(model.index(row, Ui::OwnershipModel::Owner).data(Qt::EditRole).toString(),
              map.value().value(QStringLiteral("price")));
    EXPECT_TRUE(model.flags(model.index(row, Ui::OwnershipModel::Owner)) & Qt::ItemIsEditable);
    EXPECT_FALSE(model.flags(model.index(row, Ui::OwnershipModel::DataKind)) & Qt::ItemIsEditable);
    ASSERT_TRUE(
        model.setData(model.index(row, Ui::OwnershipModel::Owner), QStringLiteral("shopify")));
    EXPECT_TRUE(model.reload());
    EXPECT_EQ(model.ownerAt(model.rowOf(QStringLiteral("price"))), QStringLiteral("shopify"));

    // Nobody can own data without a name: refused, reported, nothing changed.
    QSignalSpy errors(&model, &Ui::OwnershipModel::errorOccurred);
    EXPECT_FALSE(model.setData(model.index(row, Ui::OwnershipModel::Owner), QStringLiteral(" ")));
    EXPECT_EQ(errors.size(), 1);
    EXPECT_EQ(Core::OwnershipMap(ledger.store()).owner(QStringLiteral("price")).value(),
              QStringLiteral("shopify"));
}

TEST_F(SettingsPageTest, EditingAnOwnerInTheViewChangesTheMapAndAudits)
{
    m_page->setActor(QStringLiteral("maria"));
    m_page->tabs()->setCurrentWidget(m_page->ownershipPanel());
    QTableView *view = m_page->ownershipPanel()->view();
    Ui::OwnershipModel *model = m_page->ownershipPanel()->model();
    const int row = model->rowOf(QStringLiteral("on_hand"));
    ASSERT_GE(row, 0);
    const QString before = model->ownerAt(row);
    ASSERT_EQ(before, QStringLiteral("wms"));

    const QModelIndex index = model->index(row, Ui::OwnershipModel::Owner);
    view->setCurrentIndex(index);
    view->edit(index);
    auto *combo = view->findChild<QComboBox *>(QStringLiteral("ownerEditor"));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentData().toString(), before);
    const int choice = combo->findData(QStringLiteral("erp"));
    ASSERT_GE(choice, 0);
    combo->setCurrentIndex(choice);
    emit combo->activated(choice);
    QApplication::processEvents();

    EXPECT_EQ(Core::OwnershipMap(m_ledger.store()).owner(QStringLiteral("on_hand")).value(),
              QStringLiteral("erp"));
    EXPECT_EQ(model->index(row, Ui::OwnershipModel::Owner).data().toString(),
              Ui::OwnershipModel::systemTitle(QStringLiteral("erp")));
    auto audit = Core::runQuery(m_ledger.store().connection(),
                                QStringLiteral("SELECT actor, detail FROM audit_log WHERE action = "
                                               "'ownership.set' AND target = 'on_hand'"));
    ASSERT_TRUE(audit.ok());
    ASSERT_TRUE(audit.value().next());
    EXPECT_EQ(audit.value().value(0).toString(), QStringLiteral("maria"));
    EXPECT_EQ(audit.value().value(1).toString(), QStringLiteral("wms -> erp"));
    EXPECT_TRUE(m_page->ownershipPanel()->messageText().contains(QLatin1String("maria")));
}

TEST_F(SettingsPageTest, SavingTheShopifyFormKeepsTheTokenOutOfTheBook)
{
    const QString token = QStringLiteral("shpat_0123456789abcdef");
    QSignalSpy changed(m_page.get(), &Ui::SettingsPage::connectionsChanged);
    fillShopify(QStringLiteral("https://ledgerdesk-demo.myshopify.com"), token);
    EXPECT_EQ(form().edit(QStringLiteral("accessToken"))->echoMode(), QLineEdit::Password);
    QTest::mouseClick(connections().saveButton(), Qt::LeftButton);

    EXPECT_EQ(changed.size(), 1);
    EXPECT_TRUE(connections().messageText().startsWith(QLatin1String("Saved")))
        << qPrintable(connections().messageText());
    const QByteArray bytes = readAll(m_bookPath);
    ASSERT_FALSE(bytes.isEmpty());
    EXPECT_FALSE(bytes.contains(token.toUtf8()));
    EXPECT_FALSE(bytes.contains("accessToken"));
    Core::InMemorySecretStore elsewhere;
    const auto read = Core::ConnectionSettings::fromConnectionFile(
        QJsonDocument::fromJson(bytes).object(), QStringLiteral("shopify"), elsewhere);
    ASSERT_TRUE(read.ok()) << qPrintable(read.error().message);
    EXPECT_EQ(read.value().options.value(QStringLiteral("baseUrl")).toString(),
              QStringLiteral("https://ledgerdesk-demo.myshopify.com"));
    EXPECT_EQ(m_secrets.read(QStringLiteral("shopify/accessToken")).value(), token.toUtf8());

    // The form never shows the secret again; it says where it is.
    EXPECT_TRUE(form().edit(QStringLiteral("accessToken"))->text().isEmpty());
    auto *note = form().findChild<QLabel *>(QStringLiteral("accessTokenNote"));
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->text(), QStringLiteral("Stored in the keychain"));

    // Saving again without retyping keeps the stored token.
    type(QStringLiteral("apiVersion"), QStringLiteral("2026-07"));
    QTest::mouseClick(connections().saveButton(), Qt::LeftButton);
    EXPECT_EQ(changed.size(), 2);
    EXPECT_EQ(m_secrets.read(QStringLiteral("shopify/accessToken")).value(), token.toUtf8());
    EXPECT_TRUE(readAll(m_bookPath).contains("2026-07"));

    // Remove takes the connection and its secrets away.
    connections().setConfirm([](const QString &) { return true; });
    QTest::mouseClick(connections().removeButton(), Qt::LeftButton);
    EXPECT_EQ(changed.size(), 3);
    EXPECT_FALSE(m_secrets.read(QStringLiteral("shopify/accessToken")).ok());
    EXPECT_FALSE(readAll(m_bookPath).contains("shopify"));
}

TEST_F(SettingsPageTest, InvalidInputShowsTheMessageAndSavesNothing)
{
    QSignalSpy changed(m_page.get(), &Ui::SettingsPage::connectionsChanged);
    ASSERT_TRUE(connections().selectSystem(QStringLiteral("shopify")));
    QTest::mouseClick(connections().saveButton(), Qt::LeftButton);
    EXPECT_TRUE(form().problemText(QStringLiteral("baseUrl")).contains(QLatin1String("shop URL")));
    EXPECT_TRUE(form().problemText(QStringLiteral("accessToken")).contains(QLatin1String("token")));
    EXPECT_TRUE(connections().messageText().contains(QLatin1String("Nothing was saved")));

    // A token with a bad address: the token is not kept either.
    fillShopify(QStringLiteral("ledgerdesk-demo.myshopify.com"), QStringLiteral("shpat_x"));
    QTest::mouseClick(connections().saveButton(), Qt::LeftButton);
    EXPECT_TRUE(
        form().problemText(QStringLiteral("baseUrl")).contains(QLatin1String("not a web address")))
        << qPrintable(form().problemText(QStringLiteral("baseUrl")));
    EXPECT_TRUE(form().problemText(QStringLiteral("accessToken")).isEmpty());

    // A good address without a token.
    fillShopify(QStringLiteral("https://ledgerdesk-demo.myshopify.com"), QString());
    QTest::mouseClick(connections().saveButton(), Qt::LeftButton);
    EXPECT_TRUE(form().problemText(QStringLiteral("baseUrl")).isEmpty());
    EXPECT_FALSE(form().problemText(QStringLiteral("accessToken")).isEmpty());

    EXPECT_EQ(changed.size(), 0);
    EXPECT_FALSE(QFile::exists(m_bookPath));
    EXPECT_FALSE(m_secrets.read(QStringLiteral("shopify/accessToken")).ok());
}

TEST_F(SettingsPageTest, TestConnectionAgainstTheSandboxShowsTheShop)
{
    SandboxTests::SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start()) << qPrintable(sandbox.output());
    const QString shopName = sandbox.graphql(QStringLiteral("{ shop { name } }"))
                                 .json()
                                 .value(QStringLiteral("data"))
                                 .toObject()
                                 .value(QStringLiteral("shop"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString();
    ASSERT_FALSE(shopName.isEmpty());
    fillShopify(sandbox.baseUrl(), sandbox.accessToken());
    runTest();
    EXPECT_TRUE(connections().testSucceeded());
    EXPECT_TRUE(connections().testResultText().contains(shopName))
        << qPrintable(connections().testResultText());
    // Testing saves nothing.
    EXPECT_FALSE(QFile::exists(m_bookPath));

    type(QStringLiteral("accessToken"), QStringLiteral("shpat_wrong"));
    runTest();
    EXPECT_FALSE(connections().testSucceeded());
    EXPECT_TRUE(connections().testResultText().contains(QLatin1String("access token")))
        << qPrintable(connections().testResultText());
}

TEST_F(SettingsPageTest, TestConnectionAgainstADeadPortShowsTheError)
{
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    server.close();
    fillShopify(QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("shpat_x"));
    runTest();
    EXPECT_FALSE(connections().testSucceeded());
    EXPECT_TRUE(connections().testResultText().contains(QLatin1String("refused")))
        << qPrintable(connections().testResultText());
}

TEST_F(SettingsPageTest, ATestCanBeCancelled)
{
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    fillShopify(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()),
                QStringLiteral("shpat_x"));
    QTest::mouseClick(connections().testButton(), Qt::LeftButton);
    ASSERT_TRUE(connections().probe()->isRunning());
    EXPECT_FALSE(connections().testButton()->isEnabled());
    QTest::mouseClick(connections().cancelButton(), Qt::LeftButton);
    EXPECT_FALSE(connections().probe()->isRunning());
    EXPECT_TRUE(connections().testButton()->isEnabled());
    EXPECT_TRUE(connections().testResultText().contains(QLatin1String("cancelled")));
}

TEST(SettingsPage, UnreadableBookIsShownAndNeverOverwritten)
{
    TempStore ledger;
    Core::InMemorySecretStore secrets;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("connections.json"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"ledgerdesk-connection\", \"systems\": ");
    }
    const QByteArray before = readAll(path);
    Ui::SettingsPage page(ledger.store(), secrets, path);
    Ui::ConnectionsPanel &panel = *page.connectionsPanel();
    EXPECT_TRUE(panel.messageText().contains(QLatin1String("could not be read")))
        << qPrintable(panel.messageText());
    EXPECT_FALSE(panel.saveButton()->isEnabled());
    EXPECT_FALSE(panel.save());
    EXPECT_EQ(readAll(path), before);
}

TEST(SettingsPage, DemoButtonsAskAndTheStateIsShown)
{
    TempStore ledger;
    Core::InMemorySecretStore secrets;
    QTemporaryDir dir;
    Ui::SettingsPage page(ledger.store(), secrets, dir.filePath(QStringLiteral("c.json")));
    EXPECT_EQ(page.pageId(), QStringLiteral("settings"));
    EXPECT_EQ(page.title(), QStringLiteral("Settings"));
    QSignalSpy start(&page, &Ui::SettingsPage::demoStartRequested);
    QSignalSpy stop(&page, &Ui::SettingsPage::demoStopRequested);
    Ui::DemoPanel &demo = *page.demoPanel();
    EXPECT_TRUE(demo.startButton()->isEnabled());
    EXPECT_FALSE(demo.stopButton()->isEnabled());
    QTest::mouseClick(demo.startButton(), Qt::LeftButton);
    EXPECT_EQ(start.size(), 1);

    page.setDemoState(true, QStringLiteral("Demo running at http://127.0.0.1:8787"));
    EXPECT_FALSE(demo.startButton()->isEnabled());
    EXPECT_TRUE(demo.stopButton()->isEnabled());
    EXPECT_EQ(demo.stateText(), QStringLiteral("Demo running at http://127.0.0.1:8787"));
    QTest::mouseClick(demo.stopButton(), Qt::LeftButton);
    EXPECT_EQ(stop.size(), 1);
    page.setDemoState(false, QStringLiteral("Stopped."));
    EXPECT_TRUE(demo.startButton()->isEnabled());
}

TEST_F(SettingsPageTest, ImportedSandboxFileIsTestedWithTheStoredSecrets)
{
    SandboxTests::SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start()) << qPrintable(sandbox.output());
    const QJsonObject file = sandbox.get(QStringLiteral("/_sandbox/connection")).json();
    const QString sandboxFile = m_dir.filePath(QStringLiteral("sandbox-connection.json"));
    {
        QFile out(sandboxFile);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(file).toJson());
    }
    QSignalSpy changed(m_page.get(), &Ui::SettingsPage::connectionsChanged);
    ASSERT_TRUE(connections().importFile(sandboxFile)) << qPrintable(connections().messageText());
    EXPECT_EQ(changed.size(), 1);
    EXPECT_EQ(connections().book().connections().size(), 3);
    const QByteArray bytes = readAll(m_bookPath);
    const QString tokenSecret = file.value(QStringLiteral("systems"))
                                    .toObject()
                                    .value(QStringLiteral("erp"))
                                    .toObject()
                                    .value(QStringLiteral("tokenSecret"))
                                    .toString();
    ASSERT_FALSE(tokenSecret.isEmpty());
    EXPECT_FALSE(bytes.contains(tokenSecret.toUtf8()));
    EXPECT_FALSE(bytes.contains(sandbox.accessToken().toUtf8()));
    EXPECT_EQ(m_secrets.read(QStringLiteral("erp/tokenSecret")).value(), tokenSecret.toUtf8());

    // Nothing typed: the test reads the secrets from the keychain.
    ASSERT_TRUE(connections().selectSystem(QStringLiteral("erp")));
    EXPECT_TRUE(form().edit(QStringLiteral("tokenSecret"))->text().isEmpty());
    runTest();
    EXPECT_TRUE(connections().testSucceeded()) << qPrintable(connections().testResultText());
    ASSERT_TRUE(connections().selectSystem(QStringLiteral("wms")));
    runTest();
    EXPECT_TRUE(connections().testSucceeded()) << qPrintable(connections().testResultText());
}

TEST(SettingsPage, SecretsInTheBookFileMoveToTheKeychainAtOnce)
{
    SandboxTests::SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start()) << qPrintable(sandbox.output());
    TempStore ledger;
    Core::InMemorySecretStore secrets;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("connections.json"));
    {
        QFile out(path);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(sandbox.get(QStringLiteral("/_sandbox/connection")).body);
    }
    ASSERT_TRUE(readAll(path).contains(sandbox.accessToken().toUtf8()));
    Ui::SettingsPage page(ledger.store(), secrets, path);
    EXPECT_FALSE(readAll(path).contains(sandbox.accessToken().toUtf8()));
    EXPECT_EQ(secrets.read(QStringLiteral("shopify/accessToken")).value(),
              sandbox.accessToken().toUtf8());
    EXPECT_TRUE(page.connectionsPanel()->messageText().contains(QLatin1String("keychain")));
    EXPECT_EQ(page.connectionsPanel()->book().connections().size(), 3);
}

TEST_F(SettingsPageTest, ErpFormFromTheBaseUrlTestsAndSaves)
{
    SandboxTests::SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start()) << qPrintable(sandbox.output());
    const QJsonObject erp = sandbox.get(QStringLiteral("/_sandbox/connection"))
                                .json()
                                .value(QStringLiteral("systems"))
                                .toObject()
                                .value(QStringLiteral("erp"))
                                .toObject();
    ASSERT_TRUE(connections().selectSystem(QStringLiteral("erp")));
    // What a person copies from NetSuite's integration and token records.
    type(QStringLiteral("baseUrl"), sandbox.baseUrl());
    for (const char *field :
         {"accountId", "consumerKey", "consumerSecret", "tokenId", "tokenSecret"}) {
        type(QLatin1String(field), erp.value(QLatin1String(field)).toString());
    }
    runTest();
    EXPECT_TRUE(connections().testSucceeded()) << qPrintable(connections().testResultText());
    ASSERT_TRUE(connections().save()) << qPrintable(connections().messageText());
    const auto saved = connections().book().find(QStringLiteral("erp"));
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(saved->options.value(QStringLiteral("suiteqlUrl")).toString(),
              erp.value(QStringLiteral("suiteqlUrl")).toString());
    EXPECT_FALSE(readAll(m_bookPath)
                     .contains(erp.value(QStringLiteral("consumerSecret")).toString().toUtf8()));
}
